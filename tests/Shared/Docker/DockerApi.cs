using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Baktainer.Tests.Shared.Docker;

/// <summary>Direct Docker Engine API reads for assertions the CLI cannot make (e.g. an exec's command line).</summary>
internal static class DockerApi
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(TestDocker.SocketPath), ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = new Uri("http://docker/") };

    /// <summary>The argv of every exec run in the container that Docker still remembers.</summary>
    public static async Task<IReadOnlyList<string>> ExecCommandLinesAsync(string container)
    {
        var inspect = await Http.GetFromJsonAsync<JsonElement>($"containers/{container}/json");
        var lines = new List<string>();
        if (inspect.GetProperty("ExecIDs") is { ValueKind: JsonValueKind.Array } ids)
            foreach (var id in ids.EnumerateArray())
            {
                var exec = await Http.GetFromJsonAsync<JsonElement>($"exec/{id.GetString()}/json");
                var config = exec.GetProperty("ProcessConfig");
                var args = config.GetProperty("arguments").EnumerateArray().Select(a => a.GetString());
                lines.Add(string.Join(' ', [config.GetProperty("entrypoint").GetString(), .. args]));
            }
        return lines;
    }

    /// <summary>Records, until cancelled, the argv of every exec Docker reports and every process in the container.</summary>
    public static async Task<List<string>> WatchCommandLinesAsync(string container, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                foreach (var line in await ExecCommandLinesAsync(container)) seen.Add("exec: " + line);
                var top = await DockerCli.RunAsync("top", container, "-eo", "args");
                foreach (var line in top.Out.Split('\n').Skip(1)) seen.Add("ps: " + line.Trim());
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // an exec ended between listing and inspecting it, or the container is restarting
            }
        }
        return seen.ToList();
    }
}
