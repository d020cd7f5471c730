using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;

namespace Baktainer.Tests.Shared;

/// <summary>
/// A real S3-protocol server for tests: <c>s3rver</c> (npm) on a free 127.0.0.1 port with its own
/// data folder and one bucket, stopped (by its process id) on dispose. Credentials S3RVER/S3RVER.
/// Missing s3rver fails the test (CI installs it in .ci/run), it never skips it.
/// </summary>
internal sealed class S3rver : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly TempFolder _data = new("bt-s3rver");
    private Process? _process;

    private S3rver(string bucket) => Bucket = bucket;

    public string Bucket { get; }
    public int Port { get; private set; }
    public string Endpoint => $"http://127.0.0.1:{Port}";

    public static async Task<S3rver> StartAsync(string bucket = "backups")
    {
        var server = new S3rver(bucket);
        await server.StartProcessAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>Kills the server at once (to simulate an outage mid-upload).</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p) p.Kill(entireProcessTree: true);
        _process?.WaitForExit(10_000);
    }

    /// <summary>Starts the server again on the same port and data folder (after <see cref="Kill"/>).</summary>
    public async Task RestartAsync()
    {
        _process?.Dispose();
        await StartProcessAsync(Port).ConfigureAwait(false);
    }

    /// <summary>The object keys a client sees in the bucket (ListObjectsV2; anonymous requests are allowed by s3rver).</summary>
    public async Task<IReadOnlyList<string>> ListKeysAsync()
    {
        using var http = new HttpClient();
        var xml = XDocument.Parse(await http.GetStringAsync($"{Endpoint}/{Bucket}?list-type=2").ConfigureAwait(false));
        return xml.Descendants().Where(e => e.Name.LocalName == "Key").Select(e => e.Value).ToList();
    }

    /// <summary>An object's bytes.</summary>
    public async Task<byte[]> GetAsync(string key)
    {
        using var http = new HttpClient();
        return await http.GetByteArrayAsync($"{Endpoint}/{Bucket}/{key}").ConfigureAwait(false);
    }

    /// <summary>Writes an object (anonymous PUT, which s3rver allows), for objects a test puts in place itself.</summary>
    public async Task PutAsync(string key, byte[] content)
    {
        using var http = new HttpClient();
        using var response = await http.PutAsync($"{Endpoint}/{Bucket}/{key}", new ByteArrayContent(content)).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private async Task StartProcessAsync(int port = 0)
    {
        var executable = Which("s3rver") ?? throw new InvalidOperationException("s3rver is not installed (npm install -g s3rver@3.7.1; .ci/run installs it)");
        Port = port == 0 ? FreePort() : port;
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "-d", _data.Path, "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-vhost-buckets", "--silent", "--configure-bucket", Bucket },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"s3rver exited with code {_process.ExitCode}");
            try
            {
                await ListKeysAsync().ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
        throw new InvalidOperationException($"s3rver did not answer on {Endpoint}");
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        _data.Dispose();
        return ValueTask.CompletedTask;
    }
}
