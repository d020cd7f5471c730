using System.Text.Json;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Notifications;
using Microsoft.Extensions.Configuration;

namespace Example.Baktainer.Notifier.Tests;

/// <summary>The notifier created from settings as the host creates it, posting to a real local listener.</summary>
public sealed class HttpNotifierTests
{
    private static readonly BackupEvent Failed = new(BackupEventKind.Failed, "orders", "postgres",
        new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero), "backup of orders failed", Error: "pg_dump failed with exit code 1");

    private static INotifier Create(string url, string? timeout = null)
    {
        var values = new Dictionary<string, string?> { ["Type"] = HttpNotifierFactory.TypeName, ["Url"] = url, ["Timeout"] = timeout };
        return new HttpNotifierFactory().Create("ops", new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    [Test]
    public async Task NotifyAsync_Event_IsPostedAsJson()
    {
        using var listener = new RecordingListener();
        var received = listener.NextAsync();

        await Create(listener.Url).NotifyAsync(Failed, CancellationToken.None);

        var (method, contentType, body) = await received;
        Assert.That(method, Is.EqualTo("POST"));
        Assert.That(contentType, Does.StartWith("application/json"));
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("kind").GetString(), Is.EqualTo("Failed"));
        Assert.That(json.RootElement.GetProperty("target").GetString(), Is.EqualTo("orders"));
        Assert.That(json.RootElement.GetProperty("error").GetString(), Is.EqualTo("pg_dump failed with exit code 1"));
    }

    [Test]
    public async Task NotifyAsync_ServerError_ThrowsNamingTheNotifierButNotTheUrl()
    {
        using var listener = new RecordingListener(status: 500);
        var received = listener.NextAsync();
        var notifier = Create(listener.Url);

        var error = Assert.ThrowsAsync<BaktainerException>(() => notifier.NotifyAsync(Failed, CancellationToken.None));

        await received;
        Assert.That(error!.Message, Does.Contain("'ops'").And.Contain("500").And.Not.Contain("token-7f3a"));
    }

    [TestCase(null, TestName = "Create_UrlMissing_NamesTheKey")]
    [TestCase("ftp://example.org/token-7f3a", TestName = "Create_UrlNotHttp_NamesTheKeyButNotTheUrl")]
    public void Create_BadUrl_NamesTheKey(string? url)
    {
        var error = Assert.Throws<BaktainerException>(() => Create(url!));

        Assert.That(error!.Message, Does.Contain("Url").And.Contain("'ops'").And.Not.Contain("token-7f3a"));
    }

    [Test]
    public void Create_TimeoutNotADuration_NamesTheKey()
    {
        var error = Assert.Throws<BaktainerException>(() => Create("https://example.org/hook", timeout: "soon"));

        Assert.That(error!.Message, Does.Contain("Timeout").And.Contain("soon"));
    }
}
