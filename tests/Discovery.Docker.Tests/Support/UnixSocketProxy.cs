using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Discovery.Docker.Tests.Support;

/// <summary>
/// A unix-socket proxy in front of the real Docker socket, so a test can break every open
/// connection (the event stream among them) and let new ones through again.
/// </summary>
internal sealed class UnixSocketProxy : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _target;

    public UnixSocketProxy(string path, string target)
    {
        Path = path;
        _target = target;
        _listener.Bind(new UnixDomainSocketEndPoint(path));
        _listener.Listen();
        _ = AcceptLoopAsync();
    }

    public string Path { get; }
    public string Url => "unix://" + Path;
    public int Accepted { get; private set; }

    /// <summary>Closes every connection open now.</summary>
    public void DropAll()
    {
        foreach (var socket in _open.Keys)
        {
            _open.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptAsync(_stop.Token); }
            catch (Exception) { return; }
            Accepted++;
            var upstream = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await upstream.ConnectAsync(new UnixDomainSocketEndPoint(_target));
            _open[client] = 0;
            _open[upstream] = 0;
            _ = PumpAsync(client, upstream);
            _ = PumpAsync(upstream, client);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0) { to.Shutdown(SocketShutdown.Send); return; }
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception)
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        DropAll();
        _listener.Dispose();
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
