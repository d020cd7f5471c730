using System.Diagnostics;
using Baktainer.Abstractions;
using Baktainer.Tests.Shared.Http;
using Notifiers.Tests.Support;

namespace Notifiers.Tests.Delivery;

/// <summary>Delivery against a real Kestrel listener: retries, Retry-After, no retry on 4xx, timeouts, masked URLs.</summary>
public sealed class HttpDeliveryTests
{
    private RecordingEndpoint _endpoint = null!;

    [SetUp]
    public async Task Start() => _endpoint = await RecordingEndpoint.StartAsync();

    [TearDown]
    public async Task Stop() => await _endpoint.DisposeAsync();

    private Baktainer.Abstractions.Notifications.INotifier Slack(string path, string timeout = "5s", string retries = "2") =>
        TestNotifiers.Create("slack", ("Url", _endpoint.Url(path)), ("Timeout", timeout), ("Retries", retries), ("RetryDelay", "1s"));

    [Test]
    public async Task NotifyAsync_ServerError_RetriedUntilDelivered()
    {
        _endpoint.Script("/hook", new Reply(500, "oops"), new Reply(503));

        await Slack("/hook").NotifyAsync(TestNotifiers.Failed(), CancellationToken.None);

        var requests = _endpoint.Requests;
        Assert.That(requests, Has.Count.EqualTo(3));
        Assert.That(requests[2].ReceivedUtc - requests[1].ReceivedUtc, Is.GreaterThan(requests[1].ReceivedUtc - requests[0].ReceivedUtc), "backoff doubles");
        Assert.That(requests.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1), "each retry carries the same event");
    }

    [Test]
    public async Task NotifyAsync_BadRequest_NotRetriedAndReported()
    {
        _endpoint.Script("/secret-token-path", new Reply(400, "invalid_payload"));

        var error = Assert.ThrowsAsync<BaktainerException>(() => Slack("/secret-token-path").NotifyAsync(TestNotifiers.Failed(), CancellationToken.None));

        Assert.That(_endpoint.Requests, Has.Count.EqualTo(1));
        Assert.That(error!.Message, Does.Contain("notifier 'ops'").And.Contain("HTTP 400").And.Contain("invalid_payload").And.Contain("not retried"));
        Assert.That(error.Message, Does.Not.Contain("secret-token-path"), "the URL's path is a secret");
    }

    [Test]
    public async Task NotifyAsync_TooManyRequestsWithRetryAfter_WaitsAsLongAsAsked()
    {
        _endpoint.Script("/hook", new Reply(429) { Headers = new Dictionary<string, string> { ["Retry-After"] = "3" } });

        await Slack("/hook").NotifyAsync(TestNotifiers.Succeeded(), CancellationToken.None);

        var requests = _endpoint.Requests;
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[1].ReceivedUtc - requests[0].ReceivedUtc, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2.9)), "Retry-After 3 beats the 1 s backoff");
    }

    [Test]
    public async Task NotifyAsync_ServiceUnavailableWithRetryAfterDate_WaitsUntilThatTime()
    {
        var when = DateTimeOffset.UtcNow.AddSeconds(4);
        _endpoint.Script("/hook", new Reply(503) { Headers = new Dictionary<string, string> { ["Retry-After"] = when.ToString("R") } });

        await Slack("/hook").NotifyAsync(TestNotifiers.Succeeded(), CancellationToken.None);

        var requests = _endpoint.Requests;
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[1].ReceivedUtc, Is.GreaterThanOrEqualTo(when.AddSeconds(-1.1)), "the HTTP-date form of Retry-After (whole seconds) beats the 1 s backoff");
    }

    [Test]
    public void NotifyAsync_RetryAfterLongerThanFiveMinutes_GivesUpNamingIt()
    {
        _endpoint.Script("/hook", new Reply(429) { Headers = new Dictionary<string, string> { ["Retry-After"] = "3600" } });

        var error = Assert.ThrowsAsync<BaktainerException>(() => Slack("/hook").NotifyAsync(TestNotifiers.Succeeded(), CancellationToken.None));

        Assert.That(_endpoint.Requests, Has.Count.EqualTo(1));
        Assert.That(error!.Message, Does.Contain("Retry-After 01:00:00 is longer than 00:05:00, not waiting"));
    }

    [Test]
    public void NotifyAsync_EndpointNeverAnswers_GivesUpAfterTimeout()
    {
        _endpoint.Script("/hook", Reply.NoAnswer);
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<BaktainerException>(() => Slack("/hook", timeout: "1s", retries: "0").NotifyAsync(TestNotifiers.Failed(), CancellationToken.None));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(4)));
        Assert.That(error!.Message, Does.Contain("no answer within 1s (Timeout)").And.Contain("gave up after 1 attempt(s)"));
    }

    [Test]
    public void Create_UrlNotHttp_ErrorNamesKeyWithoutValue()
    {
        var error = Assert.Throws<BaktainerException>(() => TestNotifiers.Create("discord", ("Url", "ftp://host/token123")));

        Assert.That(error!.Message, Does.Contain("discord notifier 'ops': Url").And.Not.Contain("token123"));
    }
}
