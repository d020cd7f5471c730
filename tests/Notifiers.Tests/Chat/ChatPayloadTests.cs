using System.Text.Json;
using Baktainer.Tests.Shared.Http;
using Notifiers.Tests.Support;

namespace Notifiers.Tests.Chat;

/// <summary>Slack, Discord and Teams bodies as their services expect them, received by a real listener.</summary>
public sealed class ChatPayloadTests
{
    private RecordingEndpoint _endpoint = null!;

    [SetUp]
    public async Task Start() => _endpoint = await RecordingEndpoint.StartAsync();

    [TearDown]
    public async Task Stop() => await _endpoint.DisposeAsync();

    private async Task<JsonElement> Send(string type, Baktainer.Abstractions.Notifications.BackupEvent e)
    {
        await TestNotifiers.Create(type, ("Url", _endpoint.Url("/" + type))).NotifyAsync(e, CancellationToken.None);
        var request = _endpoint.Requests.Single(r => r.Path == "/" + type);
        Assert.That(request.Headers["Content-Type"], Does.StartWith("application/json"));
        return JsonDocument.Parse(request.Body).RootElement.Clone();
    }

    [Test]
    public async Task Slack_Failure_TextAndBlocksWithReason()
    {
        var body = await Send("slack", TestNotifiers.Failed());

        Assert.That(body.GetProperty("text").GetString(), Does.Contain("Backup FAILED: orders"));
        var blocks = body.GetProperty("blocks").EnumerateArray().ToList();
        Assert.That(blocks[0].GetProperty("type").GetString(), Is.EqualTo("header"));
        var fields = blocks[2].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("text").GetString()).ToList();
        Assert.That(fields, Has.Some.Contains("does not exist"));
        Assert.That(fields, Has.Some.Contains("*Failures in a row*\n2"));
    }

    [Test]
    public async Task Discord_SuccessAndFailure_EmbedColouredByResult()
    {
        var ok = await Send("discord", TestNotifiers.Succeeded());
        await _endpoint.DisposeAsync();
        _endpoint = await RecordingEndpoint.StartAsync();
        var failed = await Send("discord", TestNotifiers.Failed());

        var okEmbed = ok.GetProperty("embeds")[0];
        Assert.That(ok.GetProperty("content").GetString()!.Length, Is.LessThanOrEqualTo(2000));
        Assert.That(okEmbed.GetProperty("color").GetInt32(), Is.EqualTo(0x2EB67D));
        Assert.That(failed.GetProperty("embeds")[0].GetProperty("color").GetInt32(), Is.EqualTo(0xE01E5A));
        Assert.That(okEmbed.GetProperty("footer").GetProperty("text").GetString(), Is.EqualTo("Baktainer"));
        Assert.That(DateTimeOffset.Parse(okEmbed.GetProperty("timestamp").GetString()!), Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1)));
    }

    [Test]
    public async Task Teams_Failure_AdaptiveCard14InWorkflowMessage()
    {
        var body = await Send("teams", TestNotifiers.Failed());

        Assert.That(body.GetProperty("type").GetString(), Is.EqualTo("message"));
        var attachment = body.GetProperty("attachments")[0];
        Assert.That(attachment.GetProperty("contentType").GetString(), Is.EqualTo("application/vnd.microsoft.card.adaptive"));
        var card = attachment.GetProperty("content");
        Assert.That(card.GetProperty("type").GetString(), Is.EqualTo("AdaptiveCard"));
        Assert.That(card.GetProperty("version").GetString(), Is.EqualTo("1.4"));
        var blocks = card.GetProperty("body").EnumerateArray().ToList();
        Assert.That(blocks[0].GetProperty("color").GetString(), Is.EqualTo("Attention"));
        Assert.That(blocks[2].GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("value").GetString()), Has.Some.Contains("does not exist"));
    }
}
