using Baktainer.Abstractions.Notifications;
using Baktainer.Tests.Shared.Http;
using Notifiers.Tests.Support;

namespace Notifiers.Tests.Ping;

/// <summary>healthchecks.io-style pings: the URL on success, /fail on failure, /start when asked.</summary>
public sealed class PingNotifierTests
{
    [Test]
    public async Task NotifyAsync_StartSuccessFailure_PingsMatchingPaths()
    {
        await using var endpoint = await RecordingEndpoint.StartAsync();
        var ping = TestNotifiers.Create("ping", ("Url", endpoint.Url("/ping/abc")), ("Start", "true"));

        await ping.NotifyAsync(TestNotifiers.Succeeded() with { Kind = BackupEventKind.Started }, CancellationToken.None);
        await ping.NotifyAsync(TestNotifiers.Succeeded(), CancellationToken.None);
        await ping.NotifyAsync(TestNotifiers.Failed(), CancellationToken.None);
        await ping.NotifyAsync(TestNotifiers.Succeeded() with { Kind = BackupEventKind.Summary }, CancellationToken.None);

        var requests = endpoint.Requests;
        Assert.That(requests.Select(r => r.Path), Is.EqualTo(new[] { "/ping/abc/start", "/ping/abc", "/ping/abc/fail" }));
        Assert.That(requests[2].Body, Does.Contain("does not exist"), "the failure reason is the body");
    }

    [Test]
    public async Task NotifyAsync_MethodGet_SendsGet()
    {
        await using var endpoint = await RecordingEndpoint.StartAsync();

        await TestNotifiers.Create("ping", ("Url", endpoint.Url("/p")), ("Method", "get")).NotifyAsync(TestNotifiers.Succeeded(), CancellationToken.None);

        Assert.That(endpoint.Requests.Single().Method, Is.EqualTo("GET"));
    }
}
