using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Discovery.Docker.Tests.Support;

/// <summary>
/// A tiny HTTP server on a unix socket that answers every request as a Docker daemon of the given
/// API version would answer <c>/version</c>, recording the paths asked for. It lets a test see the
/// client adopt whatever version the daemon reports, which a hard-coded version could not pass.
/// </summary>
internal sealed class FakeVersionDaemon : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly string _body;

    public FakeVersionDaemon(string path, string apiVersion)
    {
        Url = "unix://" + path;
        _body = $$"""{"Version":"0.0.0-fake","ApiVersion":"{{apiVersion}}","MinAPIVersion":"1.12"}""";
        _listener.Bind(new UnixDomainSocketEndPoint(path));
        _listener.Listen();
        _ = AcceptLoopAsync();
    }

    public string Url { get; }
    public ConcurrentQueue<string> Paths { get; } = new();

    public void Dispose() => _listener.Dispose();

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket client;
            try { client = await _listener.AcceptAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(Socket client)
    {
        using (client)
        {
            var buffer = new byte[8192];
            var request = new StringBuilder();
            while (!request.ToString().Contains("\r\n\r\n"))
            {
                var read = await client.ReceiveAsync(buffer);
                if (read == 0) return;
                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            Paths.Enqueue(request.ToString().Split(' ')[1]);
            var body = Encoding.UTF8.GetBytes(_body);
            var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await client.SendAsync(Encoding.ASCII.GetBytes(head).Concat(body).ToArray());
        }
    }
}
