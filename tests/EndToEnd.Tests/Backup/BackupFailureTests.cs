using System.Diagnostics;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Backup;

/// <summary>
/// Every way a backup can fail leaves no file that looks like a backup, leaves older backups
/// untouched, and exits 1 with a message naming the target and the cause.
/// </summary>
[Category("Docker")]
public sealed class BackupFailureTests
{
    private const string Password = "fail-Secret-88";
    private const string OlderKey = "2026-01-01/app-1767225600.sql.gz";
    private static TestContainer _postgres = null!;
    private readonly ContainerSet _extra = new();
    private TempFolder _work = null!;
    private string _dir = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _postgres = await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName("pg-fail"), Password, Labels(("baktainer.db.name", "app")));
        await DatabaseContainers.PsqlAsync(_postgres, Password, "postgres", "create database app");
        await DatabaseContainers.PsqlAsync(_postgres, Password, "app", "create table t as select g as id, md5(g::text) as v from generate_series(1, 60000) g");
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _postgres.DisposeAsync();

    [SetUp]
    public void SetUp()
    {
        _work = new TempFolder("bt-fail");
        _dir = _work.Combine("backups");
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _extra.DisposeAsync();
        _work.Dispose();
    }

    private static Dictionary<string, string> Labels(params (string, string)[] more)
    {
        var labels = new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.password_env"] = "POSTGRES_PASSWORD",
        };
        foreach (var (k, v) in more) labels[k] = v;
        return labels;
    }

    /// <summary>An earlier good backup that no failure may touch.</summary>
    private void WriteOlderBackup(string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "2026-01-01"));
        File.WriteAllText(Path.Combine(dir, OlderKey), "older backup bytes");
        File.WriteAllText(Path.Combine(dir, OlderKey + ".json"), "{\"id\":\"older\"}");
    }

    private static void AssertOnlyOlderBackup(string dir)
    {
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order().ToList();
        Assert.That(files, Is.EqualTo(new[] { OlderKey, OlderKey + ".json" }), "nothing new, nothing partial, nothing deleted");
        Assert.That(File.ReadAllText(Path.Combine(dir, OlderKey)), Is.EqualTo("older backup bytes"));
    }

    private async Task<(int Code, string Out, string Error)> Backup(string dir, string target, params (string, string)[] env)
    {
        var environment = new Dictionary<string, string> { ["BT_BACKUP_DIR"] = dir };
        foreach (var (k, v) in env) environment[k] = v;
        return await BaktainerProcess.RunAsync(environment, "backup", "--target", target);
    }

    private async Task<TestContainer> Postgres(string purpose, Dictionary<string, string> labels)
    {
        return _extra.Track(await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName(purpose), Password, labels));
    }

    [Test]
    public async Task WrongPassword_FailsNamingTargetAndCause()
    {
        WriteOlderBackup(_dir);
        var c = await Postgres("pg-badpw", new() { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "postgres", ["baktainer.db.password"] = "wrong-pass-123" });

        var (code, output, error) = await Backup(_dir, c.Name);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"{c.Name}: pg_dump failed with exit code 1").And.Contain("password authentication failed for user \"postgres\""));
        Assert.That(output + error, Does.Not.Contain("wrong-pass-123"));
        AssertOnlyOlderBackup(_dir);
    }

    [Test]
    public async Task MissingDatabase_FailsNamingIt()
    {
        WriteOlderBackup(_dir);
        var c = await Postgres("pg-nodb", Labels(("baktainer.db.name", "nope")));
        var (code, output, _) = await Backup(_dir, c.Name);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain(c.Name).And.Contain("database \"nope\" does not exist"));
        AssertOnlyOlderBackup(_dir);
    }

    [Test]
    public async Task ContainerStoppedMidDump_StandInSlowPgDump_NothingKept()
    {
        WriteOlderBackup(_dir);
        var stubs = Path.Combine(TestContext.CurrentContext.TestDirectory, "Stubs");
        var c = await TestContainer.StartAsync(TestContainer.UniqueName("pg-killed"), Labels(("baktainer.db.name", "app")),
            new Dictionary<string, string> { ["PATH"] = "/stubs:/usr/bin:/bin", ["POSTGRES_PASSWORD"] = Password }, ["-v", $"{stubs}:/stubs:ro"]);
        _extra.Track(c);

        var run = Backup(_dir, c.Name);
        await Eventually.HoldsAsync(() => Directory.EnumerateFiles(_dir, "*.partial", SearchOption.AllDirectories).Any(), TimeSpan.FromSeconds(20), "the dump to start");
        await Eventually.HoldsAsync(async () => (await DockerCli.CheckAsync("top", c.Name, "-eo", "pid,args")).Contains("sleep 120"), TimeSpan.FromSeconds(20),
            "the stand-in to write its first rows and stall");
        await DockerCli.CheckAsync("kill", c.Name);
        var (code, output, _) = await run;

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain(c.Name));
        Assert.That(output, Does.Contain("FAILED"));
        AssertOnlyOlderBackup(_dir);
    }

    [Test]
    public async Task DumpToolMissing_FailsSayingSo()
    {
        WriteOlderBackup(_dir);
        var c = await TestContainer.StartBareAsync(TestContainer.UniqueName("pg-notool"), Labels(("baktainer.db.name", "app")),
            ["-v", "/usr/bin/sleep:/usr/bin/sleep:ro", "-v", "/usr/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu:ro", "-v", "/usr/lib64:/usr/lib64:ro"],
            "/usr/bin/sleep", "infinity");
        _extra.Track(c);

        var (code, output, _) = await Backup(_dir, c.Name);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"{c.Name}: pg_dump is not installed in the container"));
        AssertOnlyOlderBackup(_dir);
    }

    [Test]
    public async Task BackupDirReadOnly_FailsNamingFolder()
    {
        using var mount = new TmpfsMount(_work.Combine("ro"), "4m");
        WriteOlderBackup(mount.Path);
        mount.MakeReadOnly();

        var (code, output, _) = await Backup(mount.Path, _postgres.Name);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"'{mount.Path}'").And.Contain("read-only"));
        AssertOnlyOlderBackup(mount.Path);
    }

    [Test]
    public async Task DiskFull_FailsSayingSoAndRemovesPartialFile()
    {
        using var mount = new TmpfsMount(_work.Combine("small"), "512k");
        WriteOlderBackup(mount.Path);

        var (code, output, error) = await Backup(mount.Path, _postgres.Name, ("BT_COMPRESS", "false"));

        Assert.That(code, Is.EqualTo(1), output + error);
        Assert.That(output, Does.Contain("disk full: no space left on the device holding").And.Contain(mount.Path));
        AssertOnlyOlderBackup(mount.Path);
    }

    [Test]
    public async Task HostileLabels_RejectedNothingRunsOrIsWritten()
    {
        WriteOlderBackup(_dir);
        var c = await TestContainer.StartAsync(TestContainer.UniqueName("hostile"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres",
            ["baktainer.db.name"] = "app; touch /tmp/pwned", ["baktainer.name"] = "../../../tmp/evil",
        }, null, null, "sh", "-c", "chmod 1777 /tmp && exec sleep infinity");
        _extra.Track(c);

        var list = await BaktainerProcess.RunAsync(new Dictionary<string, string> { ["BT_BACKUP_DIR"] = _dir }, "list", "--json");
        var (code, output, _) = await Backup(_dir, c.Name);

        Assert.That(list.Out, Does.Contain("invalid labels"));
        Assert.That(list.Out, Does.Contain("label 'baktainer.name' has invalid value \\\"../../../tmp/evil\\\""));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"{c.Name} is not ready").And.Contain("baktainer.db.name"));
        Assert.That((await DockerCli.RunAsync("exec", c.Name, "test", "-e", "/tmp/pwned")).Code, Is.Not.EqualTo(0), "nothing ran in the container");
        Assert.That(File.Exists("/tmp/evil"), Is.False);
        AssertOnlyOlderBackup(_dir);
    }
}
