using System.Diagnostics;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Daemon;

/// <summary>
/// <c>baktainer run</c> against real containers. Six-field (seconds) schedules, opted in with
/// BT_CRON_SECONDS, keep the tests short; BT_CRON is set far away so other labelled containers
/// on the engine are not backed up.
/// </summary>
[Category("Docker")]
public sealed class RunDaemonTests : EndToEndTest
{
    private Dictionary<string, string> DaemonEnvironment(params (string, string)[] more) =>
        Backups.Environment([("BT_CRON_SECONDS", "true"), ("BT_CRON", "0 0 1 1 *"), ("BT_CATCH_UP", "false"), .. more]);

    private Task<TestContainer> Sqlite(string purpose, string schedule) =>
        DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName(purpose), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db", ["baktainer.schedule"] = schedule,
        });

    private Task<bool> BackupAppears(string name, TimeSpan within) =>
        Eventually.TryAsync(() => Directory.EnumerateFiles(Backups.Path, name + "-*.json", SearchOption.AllDirectories).Any(), within);

    [Test]
    public async Task Run_BacksUpOnScheduleAndSeesContainerStartedLater_StopsOnSigterm()
    {
        var first = Track(await Sqlite("daemon-first", "*/2 * * * * *"));
        await DatabaseContainers.SqliteAsync(first, "/data/app.db", "create table t(x); insert into t values (1);");
        using var daemon = new DaemonProcess(DaemonEnvironment());

        Assert.That(await BackupAppears(first.Name, TimeSpan.FromSeconds(20)), Is.True, daemon.Output);

        var later = Track(await Sqlite("daemon-later", "*/2 * * * * *"));
        await DatabaseContainers.SqliteAsync(later, "/data/app.db", "create table t(x);");
        Assert.That(await BackupAppears(later.Name, TimeSpan.FromSeconds(20)), Is.True, "a container started after the daemon is seen (events)\n" + daemon.Output);

        daemon.Terminate();
        Assert.That(await daemon.WaitForExitAsync(TimeSpan.FromSeconds(20)), Is.EqualTo(0), daemon.Output);
        Assert.That(daemon.Output, Does.Contain($"Scheduled {first.Name}").And.Contain("next run").And.Contain("Baktainer daemon stopped"));
        Assert.That(Directory.EnumerateFiles(Backups.Path, "*.partial", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task Run_SigtermDuringLongDump_ExitsWithinGraceLeavingNothingPartial()
    {
        var stubs = Path.Combine(TestContext.CurrentContext.TestDirectory, "Stubs");
        var slow = Track(await TestContainer.StartAsync(TestContainer.UniqueName("daemon-slow"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "app", ["baktainer.schedule"] = "*/2 * * * * *",
        }, new Dictionary<string, string> { ["PATH"] = "/stubs:/usr/bin:/bin" }, ["-v", $"{stubs}:/stubs:ro"]));
        using var daemon = new DaemonProcess(DaemonEnvironment(("BT_SHUTDOWN_GRACE", "3s")));

        Assert.That(await Eventually.TryAsync(() => Directory.EnumerateFiles(Backups.Path, "*.partial", SearchOption.AllDirectories).Any(), TimeSpan.FromSeconds(20)),
            Is.True, "the slow dump started\n" + daemon.Output);
        await Eventually.HoldsAsync(async () => (await DockerCli.CheckAsync("top", slow.Name, "-eo", "pid,args")).Contains("sleep 120"), TimeSpan.FromSeconds(20),
            "the stand-in to write its first rows and stall");

        var stopping = Stopwatch.StartNew();
        daemon.Terminate();
        var code = await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.That(code, Is.EqualTo(0), daemon.Output);
        Assert.That(stopping.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), "grace is 3 s");
        Assert.That(daemon.Output, Does.Contain("waiting up to 00:00:03 for 1 running backup(s)").And.Contain("cancelled by shutdown"));
        Assert.That(Backups.AllFiles(), Is.Empty, "no partial file, no backup that looks complete");
        var top = await DockerCli.CheckAsync("top", slow.Name, "-eo", "pid,args");
        Assert.That(top, Does.Not.Contain("sleep 120"), "the abandoned dump was stopped inside the container");
    }

    [Test]
    public async Task Backup_SlowerThanItsTimeout_FailsCleanlyAndIsReported()
    {
        var stubs = Path.Combine(TestContext.CurrentContext.TestDirectory, "Stubs");
        var slow = Track(await TestContainer.StartAsync(TestContainer.UniqueName("timeout"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "app", ["baktainer.timeout"] = "2s",
        }, new Dictionary<string, string> { ["PATH"] = "/stubs:/usr/bin:/bin" }, ["-v", $"{stubs}:/stubs:ro"]));

        var watch = Stopwatch.StartNew();
        var (code, output, _) = await Baktainer("backup", "--target", slow.Name);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        Assert.That(output, Does.Contain($"{slow.Name}: timed out after 00:00:02 (baktainer.timeout); nothing was kept"));
        Assert.That(Backups.AllFiles(), Is.Empty);
    }
}
