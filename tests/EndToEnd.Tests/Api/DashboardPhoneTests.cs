using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Api;

/// <summary>
/// The dashboard as a phone shows it (412x915 CSS pixels, touch, high density) in headless Chromium driven
/// over DevTools: laid out for the phone's width with nothing wider than the screen, and refreshing by
/// itself with what the daemon did since, without a console message.
/// </summary>
[Category("Docker")]
public sealed class DashboardPhoneTests : EndToEndTest
{
    private const string Token = "phone-token";

    [Test]
    public async Task Dashboard_OnPhone_FitsTheScreenAndRefreshesItself()
    {
        var db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("dash-phone-a-long-container-name-that-must-wrap"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db", ["baktainer.schedule"] = "*/3 * * * * *",
        }));
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "create table t(x); insert into t values (1);");
        using var daemon = await ApiDaemon.StartAsync(Backups.Environment(("BT_CRON_SECONDS", "true"), ("BT_CRON", "0 0 0 1 1 *"), ("BT_CATCH_UP", "false"), ("BT_API_TOKEN", Token)));
        await Eventually.HoldsAsync(async () => await daemon.TargetStateAsync(db.Name, Token) == "ok", TimeSpan.FromSeconds(30), "a first backup");

        await using var page = await ChromiumPage.OpenAsync(412, 915, mobile: true);
        await page.NavigateAsync(daemon.Url("/") + "#token=" + Token);
        var card = $"document.querySelector('[data-target=\"{db.Name}\"]')";
        await Eventually.HoldsAsync(async () => (await page.EvaluateAsync($"!!{card}")).GetBoolean(), TimeSpan.FromSeconds(20), "the target's card");

        Assert.That((await page.EvaluateAsync("window.innerWidth")).GetInt32(), Is.EqualTo(412), "laid out at the phone's width (viewport meta), not a shrunken desktop page");
        Assert.That((await page.EvaluateAsync("document.documentElement.scrollWidth")).GetInt32(), Is.LessThanOrEqualTo(412), "no sideways scrolling");
        var overflowing = await page.EvaluateAsync(
            "[...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < 0 || r.right > window.innerWidth + 0.5); }).map(e => e.tagName + '.' + e.className)");
        Assert.That(overflowing.EnumerateArray().Select(e => e.GetString()), Is.Empty, "every element within the screen's width");
        Assert.That((await page.EvaluateAsync("parseFloat(getComputedStyle(document.body).fontSize)")).GetDouble(), Is.GreaterThanOrEqualTo(14), "readable text");

        var backups = $"{card}.querySelector('dl').textContent.match(/(\\d+) ok/)[1] * 1";
        var (firstUpdate, firstCount) = ((await page.EvaluateAsync("document.getElementById('updated').textContent")).GetString(), (await page.EvaluateAsync(backups)).GetInt32());
        await Eventually.HoldsAsync(async () => (await page.EvaluateAsync(backups)).GetInt32() > firstCount, TimeSpan.FromSeconds(30),
            "the page to show a newer backup without being reloaded");
        Assert.That((await page.EvaluateAsync("document.getElementById('updated').textContent")).GetString(), Is.Not.EqualTo(firstUpdate));
        Assert.That((await page.EvaluateAsync("performance.getEntriesByType('navigation').length")).GetInt32(), Is.EqualTo(1), "one page load: the data came by itself");
        Assert.That(page.Console, Is.Empty, "no console messages or script errors:\n" + string.Join("\n", page.Console));
    }
}
