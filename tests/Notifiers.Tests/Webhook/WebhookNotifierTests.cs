using System.Text;
using System.Text.Json;
using Baktainer.Abstractions;
using Baktainer.Tests.Shared.Http;
using Notifiers.Tests.Support;

namespace Notifiers.Tests.Webhook;

/// <summary>The webhook notifier's Standard Webhooks signing and body, verified as a receiver would.</summary>
public sealed class WebhookNotifierTests
{
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("a test key of 32 bytes, exactly!"));

    private static bool Verify(RecordedRequest request, string secret) => StandardWebhooks.Verify(request, secret);

    [Test]
    public async Task NotifyAsync_WithSecret_SignatureVerifiesAndBodyHoldsEvent()
    {
        await using var endpoint = await RecordingEndpoint.StartAsync();

        await TestNotifiers.Create("webhook", ("Url", endpoint.Url("/in")), ("Secret", Secret)).NotifyAsync(TestNotifiers.Succeeded(), CancellationToken.None);

        var request = endpoint.Requests.Single();
        Assert.That(request.Headers["webhook-id"], Does.StartWith("msg_"));
        Assert.That(Verify(request, Secret), Is.True);
        Assert.That(Verify(request with { Body = request.Body.Replace("orders", "other") }, Secret), Is.False, "a changed body fails verification");
        using var body = JsonDocument.Parse(request.Body);
        Assert.That(body.RootElement.GetProperty("type").GetString(), Is.EqualTo("backup.succeeded"));
        Assert.That(body.RootElement.GetProperty("data").GetProperty("target").GetString(), Is.EqualTo("orders"));
        Assert.That(body.RootElement.GetProperty("data").GetProperty("manifest").GetProperty("storedSize").GetInt64(), Is.EqualTo(512));
    }

    [Test]
    public async Task NotifyAsync_Retried_SameIdFreshSignature()
    {
        await using var endpoint = await RecordingEndpoint.StartAsync();
        endpoint.Script("/in", new Reply(500));

        await TestNotifiers.Create("webhook", ("Url", endpoint.Url("/in")), ("Secret", Secret), ("RetryDelay", "1s")).NotifyAsync(TestNotifiers.Failed(), CancellationToken.None);

        var requests = endpoint.Requests;
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[1].Headers["webhook-id"], Is.EqualTo(requests[0].Headers["webhook-id"]));
        Assert.That(requests.All(r => Verify(r, Secret)), Is.True);
    }

    [Test]
    public void Create_SecretWithoutPrefix_Rejected()
    {
        var error = Assert.Throws<BaktainerException>(() => TestNotifiers.Create("webhook", ("Url", "http://127.0.0.1/x"), ("Secret", "plain-secret-value")));

        Assert.That(error!.Message, Does.Contain("Secret").And.Contain("whsec_").And.Not.Contain("plain-secret-value"));
    }
}
