using System.Net;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Api;

/// <summary>
/// The dashboard in a real browser (headless Chromium): each target with its state, no console
/// messages at all, screenshots (phone and desktop) in artifacts/test-results.
/// </summary>
[Category("Docker")]
public sealed class DashboardTests : EndToEndTest
{
    [Test]
    public async Task ConsoleCapture_PageThatThrows_IsReported()
    {
        var (_, console) = await HeadlessChromium.DumpDomAsync("data:text/html,<script>notDefinedAnywhere()</script>");

        Assert.That(console, Has.Some.Contains("notDefinedAnywhere"), "the check below would see a script error");
    }

    [Test]
    public async Task Dashboard_InChromium_ShowsEachTargetWithStateAndNoConsoleMessages()
    {
        var good = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("dash-ok"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db", ["baktainer.schedule"] = "*/2 * * * * *",
        }));
        await DatabaseContainers.SqliteAsync(good, "/data/app.db", "create table t(x); insert into t values (1);");
        var failing = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("dash-fail"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/nowhere/app.db", ["baktainer.schedule"] = "*/2 * * * * *",
        }));
        var invalid = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("dash-bad-label"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlitee", ["baktainer.db.name"] = "/data/app.db",
        }));
        using var daemon = await ApiDaemon.StartAsync(Backups.Environment(("BT_CRON_SECONDS", "true"), ("BT_CRON", "0 0 0 1 1 *"), ("BT_CATCH_UP", "false"),
            ("BT_RETRY_ATTEMPTS", "0"), ("BT_API_TOKEN", "dash-token")));
        await Eventually.HoldsAsync(() => Directory.EnumerateFiles(Backups.Path, good.Name + "-*.json", SearchOption.AllDirectories).Count() >= 2,
            TimeSpan.FromSeconds(30), "two backups of the good target");
        await Eventually.HoldsAsync(async () => await daemon.TargetStateAsync(failing.Name, "dash-token") == "failing", TimeSpan.FromSeconds(30),
            "the failing target's state in /status");

        var reason = await ApiChecksAsync(daemon, good.Name, failing.Name, invalid.Name);

        var page = daemon.Url("/") + "#token=dash-token";
        var (dom, console) = await HeadlessChromium.DumpDomAsync(page);

        Assert.That(console, Is.Empty, "no console messages:\n" + string.Join("\n", console));
        Assert.That(dom, Does.Contain($"data-target=\"{good.Name}\""), dom);
        Assert.That(dom, Does.Match($"data-target=\"{good.Name}\".*?data-state=\"(ok|running)\""));
        Assert.That(dom, Does.Match($"data-target=\"{failing.Name}\".*?data-state=\"failing\""));
        Assert.That(dom, Does.Contain("<polyline"), "a size trend is drawn from the backups");
        Assert.That(dom, Does.Contain(failing.Name + "</strong>"), "the failure is listed");
        Assert.That(dom, Does.Contain(System.Net.WebUtility.HtmlEncode(reason).Replace("&#39;", "'").Replace("&quot;", "\"")), "with its reason");
        Assert.That(dom, Does.Match($"data-target=\"{good.Name}\".*?<dt>Last success</dt><dd>\\d+ s ago"), "last run shown");
        Assert.That(dom, Does.Match($"data-target=\"{good.Name}\".*?<dt>Next run</dt><dd>(in \\d+ s|\\d+ s ago) \\("), "next run shown");
        Assert.That(dom, Does.Match($"data-target=\"{invalid.Name}\".*?data-state=\"invalid\".*?sqlitee"), "a label problem is shown on its card");
        Assert.That(dom, Does.Not.Contain("Cannot reach Baktainer"));

        var results = Path.Combine(RepoPaths.Root, "artifacts", "test-results");
        Directory.CreateDirectory(results);
        foreach (var (name, width, height) in new[] { ("phone", 412, 915), ("desktop", 1280, 800) })
        {
            var file = Path.Combine(results, $"dashboard-{name}.png");
            var messages = await HeadlessChromium.ScreenshotAsync(page, file, width, height);
            Assert.That(messages, Is.Empty, string.Join("\n", messages));
            TestContext.AddTestAttachment(file, $"dashboard ({name})");
        }
        var (status, html) = await daemon.SendAsync(HttpMethod.Get, "/");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"), "self-contained: nothing loaded from elsewhere");
    }

    /// <summary>
    /// What the dashboard reads, checked through the API itself: /status next run and failure reason,
    /// /containers label problems, /backups filtered by target, /health and /ready open without the token.
    /// </summary>
    /// <returns>The failing target's reason as /status gives it.</returns>
    private static async Task<string> ApiChecksAsync(ApiDaemon daemon, string good, string failing, string invalid)
    {
        const string token = "dash-token";
        var targets = (await daemon.JsonAsync("/status", token)).GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        var next = targets[good].GetProperty("nextRunUtc").GetDateTimeOffset();
        Assert.That(next, Is.InRange(DateTimeOffset.UtcNow.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5)), "schedule */2 s: the next run is seconds away");
        var reason = targets[failing].GetProperty("lastFailureReason").GetString()!;
        Assert.That(reason, Does.Contain("/data/nowhere/app.db"), "the failure's reason names the database file");
        Assert.That(targets[failing].GetProperty("consecutiveFailures").GetInt32(), Is.GreaterThanOrEqualTo(1));
        Assert.That(targets[invalid].GetProperty("state").GetString(), Is.EqualTo("invalid"));

        var container = (await daemon.JsonAsync("/containers", token)).EnumerateArray().Single(c => c.GetProperty("container").GetString() == invalid);
        Assert.That(container.GetProperty("ready").GetBoolean(), Is.False);
        Assert.That(container.GetProperty("problems").EnumerateArray().Select(p => p.GetString()), Has.Some.Contains("baktainer.db.engine").And.Some.Contains("sqlitee"));

        var all = await daemon.JsonAsync("/backups", token);
        Assert.That(all.EnumerateArray().Select(b => b.GetProperty("manifest").GetProperty("target").GetString()).Distinct(), Is.EqualTo(new[] { good }));
        Assert.That((await daemon.JsonAsync($"/backups?target={failing}", token)).GetArrayLength(), Is.Zero, "the filter leaves the other target's backups out");
        Assert.That((await daemon.JsonAsync($"/backups?target={good}&limit=1", token)).GetArrayLength(), Is.EqualTo(1));

        Assert.That((await daemon.SendAsync(HttpMethod.Get, "/status")).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await daemon.SendAsync(HttpMethod.Get, "/health")).Status, Is.Not.EqualTo(HttpStatusCode.Unauthorized), "/health is open (a probe has no token)");
        Assert.That((await daemon.SendAsync(HttpMethod.Get, "/ready")).Status, Is.EqualTo(HttpStatusCode.OK), "ready: health checked and Docker answered");
        return reason;
    }
}
