using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baktainer.Tests.Shared.Http;

/// <summary>
/// A real HTTP listener (Kestrel on 127.0.0.1, port 0) that records every request and answers
/// from a per-path script (status, headers, or no answer at all), 200 "ok" once a script runs out.
/// </summary>
internal sealed class RecordingEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _script = new();

    private RecordingEndpoint(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public string Url(string path) => new Uri(BaseUrl, path).AbsoluteUri;

    public static async Task<RecordingEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new RecordingEndpoint(app);
        app.Run(endpoint.HandleAsync);
        await app.StartAsync();
        endpoint.BaseUrl = new Uri(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return endpoint;
    }

    /// <summary>The next requests to <paramref name="path"/> get these replies, in order.</summary>
    public void Script(string path, params Reply[] replies) => _script[path] = new ConcurrentQueue<Reply>(replies);

    /// <summary>Waits until at least <paramref name="count"/> requests matched, or the time is up.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<RecordedRequest, bool> match, int count, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var matched = _requests.Where(match).ToList();
            if (matched.Count >= count || DateTime.UtcNow > deadline) return matched;
            await Task.Delay(50);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", headers, body, DateTimeOffset.UtcNow));
        var reply = _script.TryGetValue(context.Request.Path.Value ?? "", out var queue) && queue.TryDequeue(out var next) ? next : Reply.Ok;
        if (reply.Hang)
        {
            try { await Task.Delay(Timeout.Infinite, context.RequestAborted); } catch (OperationCanceledException) { }
            return;
        }
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers) context.Response.Headers[name] = value;
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>One request as received.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedUtc);

/// <summary>A scripted answer; <see cref="Hang"/> never answers.</summary>
internal sealed record Reply(int Status, string Body = "", bool Hang = false)
{
    public static Reply Ok => new(200, "ok");
    public static Reply NoAnswer => new(0, Hang: true);
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
