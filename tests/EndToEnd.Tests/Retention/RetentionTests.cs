using System.Text.Json;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using EndToEnd.Tests.Daemon;

namespace EndToEnd.Tests.Retention;

/// <summary>Retention and prune with a real SQLite container, the real executable and a real backup folder.</summary>
[Category("Docker")]
public sealed class RetentionTests : EndToEndTest
{
    private TestContainer _db = null!;

    [SetUp]
    public async Task StartSqlite()
    {
        _db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("retention"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(_db, "/data/app.db", "create table t(x); insert into t values (1);");
    }

    private Task<(int Code, string Out, string Error)> Run(IEnumerable<(string, string)> env, params string[] args) =>
        global::Baktainer.Tests.Shared.BaktainerProcess.RunAsync(Backups.Environment([.. env]), args).ContinueWith(t =>
        {
            TestContext.Out.WriteLine($"baktainer {string.Join(' ', args)} -> {t.Result.Code}\n{t.Result.Out}{t.Result.Error}");
            return t.Result;
        });

    private List<string> Manifests() => Backups.AllFiles().Where(f => f.EndsWith(".json")).Order().ToList();

    private async Task BackupsInNewSeconds(int count, params (string, string)[] env)
    {
        for (var i = 0; i < count; i++)
        {
            if (i > 0) await Task.Delay(1100); // file names hold the second
            Assert.That((await Run(env, "backup", "--target", _db.Name)).Code, Is.EqualTo(0));
        }
    }

    private string Foreign()
    {
        var path = Path.Combine(Backups.Path, "2020-01-01", "notes-from-someone.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "not a backup");
        return path;
    }

    [Test]
    public async Task Backup_RetentionCount2_ThirdBackupLeavesTwoAndForeignFileAlone()
    {
        var foreign = Foreign();
        await BackupsInNewSeconds(2);
        var firstTwo = Manifests();
        await BackupsInNewSeconds(1, ("BT_RETENTION_COUNT", "2"));

        var left = Manifests();
        Assert.That(left, Has.Count.EqualTo(2));
        Assert.That(left, Does.Not.Contain(firstTwo[0]), "the oldest went");
        Assert.That(File.Exists(foreign), "a file without a manifest is never deleted");
    }

    [Test]
    public async Task Backup_Fails_NothingPruned()
    {
        await BackupsInNewSeconds(2);
        await _db.ExecAsync("sh", "-c", "echo this is not a database > /data/app.db");
        Assert.That((await Run([("BT_RETENTION_COUNT", "1")], "backup", "--target", _db.Name)).Code, Is.EqualTo(1));
        Assert.That(Manifests(), Has.Count.EqualTo(2), "a target whose current run failed is not pruned");
    }

    [Test]
    public async Task Prune_DryRun_DeletesNothingAndShowsDecisionTable()
    {
        var foreign = Foreign();
        await BackupsInNewSeconds(3);
        var before = Backups.AllFiles();

        var (code, output, _) = await Run([("BT_RETENTION_COUNT", "1")], "prune", "--dry-run");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(Backups.AllFiles(), Is.EqualTo(before), "dry run deletes nothing");
        Assert.That(output, Does.Contain("dry run").And.Contain("would delete").And.Contain("no rule keeps it")
            .And.Contain("newest 1").And.Contain("newest backup (always kept)").And.Contain("foreign").And.Contain("notes-from-someone.txt"));
        Assert.That(output, Does.Contain("2 backup(s) would be deleted, 1 kept, 1 foreign file(s) left alone"));

        var json = await Run([("BT_RETENTION_COUNT", "1")], "prune", "--dry-run", "--json");
        using var doc = JsonDocument.Parse(json.Out);
        var actions = doc.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("action").GetString()).ToList();
        Assert.That(actions, Is.EquivalentTo(new[] { "keep", "would delete", "would delete", "foreign" }));

        var real = await Run([("BT_RETENTION_COUNT", "1")], "prune", "--target", _db.Name);
        Assert.That(real.Code, Is.EqualTo(0));
        Assert.That(Manifests(), Has.Count.EqualTo(1));
        Assert.That(File.Exists(foreign));
    }

    [Test]
    public async Task Prune_LabelOverridesGlobal()
    {
        await BackupsInNewSeconds(3);
        await DockerCli.CheckAsync("rm", "-f", _db.Name);
        var labelled = Track(await DatabaseContainers.StartSqliteAsync(_db.Name, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db", ["baktainer.backup.retention.count"] = "2",
        }));
        Assert.That(labelled.Name, Is.EqualTo(_db.Name));
        Assert.That((await Run([("BT_RETENTION_COUNT", "1")], "prune")).Code, Is.EqualTo(0));
        Assert.That(Manifests(), Has.Count.EqualTo(2), "the label's count 2 wins over BT_RETENTION_COUNT=1");
    }

    [Test]
    public async Task Prune_MinFreeSpaceUnreachable_DeletesUnprotectedOldestAndSaysItCannot()
    {
        await BackupsInNewSeconds(3);
        var (code, output, _) = await Run([("BT_MIN_FREE_SPACE_GB", "1000000")], "prune");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(Manifests(), Has.Count.EqualTo(1), "only the protected newest backup is left");
        Assert.That(output, Does.Contain("below the minimum free space").And.Contain("below the minimum of 1000000 GB").And.Contain("never deleted"));
    }

    [Test]
    public async Task Daemon_RetentionCount2_PrunesAfterEachBackup()
    {
        var env = Backups.Environment(("BT_CRON_SECONDS", "true"), ("BT_CRON", "0 0 1 1 *"), ("BT_CATCH_UP", "false"), ("BT_RETENTION_COUNT", "2"));
        await DockerCli.CheckAsync("rm", "-f", _db.Name);
        Track(await DatabaseContainers.StartSqliteAsync(_db.Name, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db", ["baktainer.schedule"] = "*/2 * * * * *",
        }));
        await DatabaseContainers.SqliteAsync(_db, "/data/app.db", "create table t(x);");
        using var daemon = new DaemonProcess(env);
        await Eventually.TryAsync(() => CountDone(daemon.Output) >= 4, TimeSpan.FromSeconds(60));
        daemon.Terminate();
        Assert.That(await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(0));
        await TestContext.Out.WriteLineAsync(daemon.Output);
        Assert.That(CountDone(daemon.Output), Is.GreaterThanOrEqualTo(4));
        Assert.That(daemon.Output, Does.Contain("Active retention: keep newest 2"));
        Assert.That(daemon.Output, Does.Contain("Pruned local:"));
        Assert.That(Manifests(), Has.Count.EqualTo(2));
    }

    private static int CountDone(string output) => output.Split('\n').Count(l => l.Contains(": backup done"));
}
