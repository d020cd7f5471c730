using System.Net;
using System.Net.Sockets;

namespace Example.Baktainer.Notifier.Tests;

/// <summary>A real HTTP listener on a free loopback port that answers every request with one status and records it.</summary>
internal sealed class RecordingListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _status;

    public RecordingListener(int status = 200)
    {
        _status = status;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hooks/token-7f3a/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
    }

    /// <summary>The URL to post to; its path stands for a secret token.</summary>
    public string Url { get; }

    /// <summary>Waits for the next request and returns its method, content type and body.</summary>
    public async Task<(string Method, string? ContentType, string Body)> NextAsync()
    {
        var context = await _listener.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(10));
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        context.Response.StatusCode = _status;
        context.Response.Close();
        return (context.Request.HttpMethod, context.Request.ContentType, body);
    }

    public void Dispose() => _listener.Close();
}
