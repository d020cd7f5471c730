using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Baktainer.Abstractions.Storage;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Api;

/// <summary>
/// <c>baktainer backup --daemon</c> / <c>--at</c> hands the job to a running daemon through
/// <c>POST /targets/{name}/backup</c> and follows <c>GET /runs/{id}</c>: the daemon runs the real
/// backups (its log, /runs and /metrics say so), the command prints each result and exits by them.
/// </summary>
[Category("Docker")]
public sealed class DaemonHandoffTests : EndToEndTest
{
    private const string Token = "handoff-token";

    private async Task<(int Code, string Out, string Error)> BackupAsync(params (string, string)[] environment)
    {
        var args = environment.Where(e => e.Item1 == "arg").Select(e => e.Item2).ToArray();
        var result = await BaktainerProcess.RunAsync(Backups.Environment(environment.Where(e => e.Item1 != "arg").ToArray()), ["backup", .. args]);
        await TestContext.Out.WriteLineAsync($"backup {string.Join(' ', args)} -> {result.Code}\n{result.Out}{result.Error}");
        return result;
    }

    [Test]
    public async Task Backup_Daemon_DaemonRunsEachTargetAndCommandReportsResults()
    {
        var good = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("handoff-ok"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(good, "/data/app.db", "create table t(x); insert into t values (7);");
        var bad = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("handoff-bad"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/missing/app.db",
        }));
        using var daemon = await ApiDaemon.StartAsync(Backups.Environment(("BT_CRON", "0 0 1 1 *"), ("BT_CATCH_UP", "false"), ("BT_RETRY_ATTEMPTS", "0"), ("BT_API_TOKEN", Token)));
        await Eventually.HoldsAsync(async () => (await daemon.JsonAsync("/containers", Token)).GetArrayLength() >= 2, TimeSpan.FromSeconds(20), "both containers seen");
        var port = daemon.Base.Port.ToString();

        // The daemon's address from BT_HEALTH_BIND/BT_HEALTH_PORT, as on the daemon's own machine or container.
        var (code, output, error) = await BackupAsync(("BT_API_TOKEN", Token), ("BT_HEALTH_BIND", "127.0.0.1"), ("BT_HEALTH_PORT", port),
            ("arg", "--daemon"), ("arg", "--target"), ("arg", good.Name), ("arg", "--target"), ("arg", bad.Name));

        Assert.That(code, Is.EqualTo(1), "one of the two failed");
        var manifest = Directory.EnumerateFiles(Backups.Path, good.Name + "-*.json", SearchOption.AllDirectories).Select(f => ManifestJson.TryParse(File.ReadAllBytes(f))).Single()!;
        Assert.That(output, Does.Contain($"{good.Name}: ok {manifest.Key} (run "));
        Assert.That(output, Does.Contain($"{bad.Name}: FAILED: ").And.Contain("/data/missing/app.db"));
        var runId = Regex.Match(error, $@"{Regex.Escape(good.Name)}: handed to the daemon at http://127\.0\.0\.1:{port}/ \(run (\S+)\)").Groups[1].Value;
        Assert.That(runId, Is.Not.Empty, error);
        Assert.That(daemon.Process.Output, Does.Contain($"{good.Name}: backup requested through the HTTP API (run {runId})"), "the daemon ran it");
        var run = await daemon.JsonAsync("/runs/" + runId, Token);
        Assert.That((run.GetProperty("status").GetString(), run.GetProperty("key").GetString()), Is.EqualTo(("succeeded", manifest.Key)));
        Assert.That((await daemon.SendAsync(HttpMethod.Get, "/metrics", Token)).Body,
            Does.Contain($"baktainer_backups_total{{target=\"{good.Name}\",engine=\"sqlite\",result=\"success\"}} 1"), "counted by the daemon, not by the command");

        // --at waits, then hands over; --daemon-url names the daemon; without names every ready target goes.
        var at = DateTimeOffset.UtcNow.AddSeconds(4);
        var clock = Stopwatch.StartNew();
        var later = await BackupAsync(("BT_API_TOKEN", Token), ("arg", "--daemon-url"), ("arg", daemon.Base.AbsoluteUri), ("arg", "--at"), ("arg", at.ToString("O")));
        Assert.That(clock.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(3)), "it waited for --at");
        Assert.That(later.Code, Is.EqualTo(1));
        Assert.That(later.Out, Does.Contain($"{good.Name}: ok ").And.Contain($"{bad.Name}: FAILED: "));
        Assert.That(Directory.EnumerateFiles(Backups.Path, good.Name + "-*.json", SearchOption.AllDirectories).Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task Backup_DaemonWithoutOrWithWrongToken_RefusedNamingBtApiToken()
    {
        using var daemon = await ApiDaemon.StartAsync(Backups.Environment(("BT_CRON", "0 0 1 1 *"), ("BT_API_TOKEN", Token)));

        var none = await BackupAsync(("arg", "--daemon-url"), ("arg", daemon.Base.AbsoluteUri), ("arg", "--target"), ("arg", "orders"));
        var wrong = await BackupAsync(("BT_API_TOKEN", "not-it"), ("arg", "--daemon-url"), ("arg", daemon.Base.AbsoluteUri), ("arg", "--target"), ("arg", "orders"));
        var unknown = await BackupAsync(("BT_API_TOKEN", Token), ("arg", "--daemon-url"), ("arg", daemon.Base.AbsoluteUri), ("arg", "--target"), ("arg", "no-such-target"));

        Assert.That(none.Code, Is.EqualTo(2));
        Assert.That(none.Error, Does.Contain("backup --daemon needs BT_API_TOKEN"));
        Assert.That(wrong.Code, Is.EqualTo(1));
        Assert.That(wrong.Out, Does.Contain("orders: FAILED: 401").And.Contain("BT_API_TOKEN here differs from the daemon's"));
        Assert.That(wrong.Out + wrong.Error, Does.Not.Contain("not-it"), "the token is never printed");
        Assert.That(unknown.Code, Is.EqualTo(1));
        Assert.That(unknown.Out, Does.Contain("no-such-target: FAILED: 404"));
        Assert.That((await daemon.SendAsync(HttpMethod.Get, "/runs/no-such-run", Token)).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
