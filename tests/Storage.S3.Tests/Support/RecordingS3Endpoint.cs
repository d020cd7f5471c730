using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Storage.S3.Tests.Support;

/// <summary>
/// A real HTTP listener (Kestrel on 127.0.0.1, free port) that records every request the S3 client
/// sends and answers with the given handler. Used for what s3rver does not implement (aborting and
/// listing multipart uploads, object lock, rejecting a wrong secret): the request is checked, a real
/// S3 server's reaction is not.
/// </summary>
internal sealed class RecordingS3Endpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingS3Endpoint(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public string Url => _app.Services.GetService(typeof(IServer)) is IServer server
        ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException();

    public static async Task<RecordingS3Endpoint> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var endpoint = new RecordingS3Endpoint(app);
        app.Run(async context =>
        {
            endpoint.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), context.Request.ContentLength ?? -1));
            await context.Request.Body.CopyToAsync(Stream.Null);
            await handler(context);
        });
        await app.StartAsync();
        return endpoint;
    }

    /// <summary>Waits (up to 10 s) until a recorded request matches.</summary>
    public async Task WaitForAsync(Func<RecordedRequest, bool> match)
    {
        for (var i = 0; i < 200 && !Requests.Any(match); i++) await Task.Delay(50);
    }

    public static Task Xml(HttpContext context, string xml, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        return context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, long BodyLength);
