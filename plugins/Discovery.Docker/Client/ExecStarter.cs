using System.Text;
using System.Text.Json;

namespace Baktainer.Discovery.Docker.Client;

/// <summary>
/// Starts an exec over a connection of its own and hands that connection over once the daemon
/// has hijacked it (HTTP 101, or 200 from older daemons): from then on it carries the exec's
/// multiplexed output and, when attached, its stdin. Written by hand because the hijacked stream
/// must be half-closed to signal end of input, which HttpClient cannot do.
/// </summary>
internal static class ExecStarter
{
    private const int MaxHeaderBytes = 16 * 1024;

    public static async Task<DockerConnection> StartAsync(DockerEndpoint endpoint, string apiVersion, string execId, CancellationToken cancellationToken)
    {
        var connection = await endpoint.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var body = """{"Detach":false,"Tty":false}""";
            var request = $"POST /v{apiVersion}/exec/{Uri.EscapeDataString(execId)}/start HTTP/1.1\r\nHost: docker\r\n" +
                          $"Content-Type: application/json\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: {body.Length}\r\n\r\n{body}";
            await connection.Stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken).ConfigureAwait(false);
            await connection.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);

            var head = await ReadHeadAsync(connection.Stream, cancellationToken).ConfigureAwait(false);
            var statusLine = head[..head.IndexOf("\r\n", StringComparison.Ordinal)];
            var parts = statusLine.Split(' ', 3);
            if (parts.Length >= 2 && parts[1] is "101" or "200") return connection;
            throw new DockerException($"Docker daemon refused to start exec: {await ReadErrorAsync(connection.Stream, head, cancellationToken).ConfigureAwait(false)} ({statusLine.Trim()})");
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        // Byte by byte: everything after the blank line belongs to the exec stream.
        var head = new List<byte>(256);
        var one = new byte[1];
        while (head.Count < MaxHeaderBytes)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
                throw new DockerException("Docker daemon closed the connection while starting exec") { IsTransient = true };
            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
                return Encoding.ASCII.GetString(head.ToArray());
        }
        throw new DockerException("Docker daemon sent an oversized response header while starting exec");
    }

    private static async Task<string> ReadErrorAsync(Stream stream, string head, CancellationToken cancellationToken)
    {
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (lengthLine is null || !int.TryParse(lengthLine["Content-Length:".Length..].Trim(), out var length) || length is <= 0 or > 65536)
            return "no details";
        var buffer = new byte[length];
        await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(buffer);
        try { return JsonSerializer.Deserialize<ErrorResponse>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web))?.Message ?? text; }
        catch (JsonException) { return text; }
    }
}
