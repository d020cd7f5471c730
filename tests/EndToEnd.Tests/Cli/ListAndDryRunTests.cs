using System.Text.Json;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Cli;

[Category("Docker")]
public sealed class ListAndDryRunTests : EndToEndTest
{

    private async Task<TestContainer> Start(string purpose, Dictionary<string, string> labels, params string[] command)
    {
        var c = await TestContainer.StartAsync(TestContainer.UniqueName(purpose), labels, null, null, command);
        return Track(c);
    }

    [Test]
    public async Task ListJson_ShowsReadyInvalidAndNotRunningWithReasons()
    {
        var ready = await Start("ready", new() { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "mariadb", ["baktainer.db.name"] = "shop", ["baktainer.schedule"] = "0 * * * *;30 3 * * *" });
        var invalid = await Start("invalid", new() { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "x", ["baktainer.backup.priority"] = "asap" });
        var engineless = await Start("noname", new() { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres" });
        var stopped = await Start("stopped", new() { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/a.db" }, "true");
        await Eventually.HoldsAsync(async () => await DockerCli.CheckAsync("inspect", "-f", "{{.State.Running}}", stopped.Name) == "false",
            TimeSpan.FromSeconds(30), "the container to exit");

        var (code, output, error) = await Baktainer("list", "--json");

        Assert.That(code, Is.EqualTo(0), error);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("container").GetString()!);
        Assert.That(rows[ready.Name].GetProperty("status").GetString(), Is.EqualTo("ready"));
        Assert.That(rows[ready.Name].GetProperty("schedule").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "0 * * * *", "30 3 * * *" }));
        Assert.That(rows[ready.Name].GetProperty("database").GetString(), Is.EqualTo("shop"));
        Assert.That(rows[invalid.Name].GetProperty("status").GetString(), Is.EqualTo("invalid labels"));
        Assert.That(rows[invalid.Name].GetProperty("problems").EnumerateArray().Select(p => p.GetString()), Has.Some.Contains("'baktainer.backup.priority' has invalid value \"asap\"; expected one of low, normal, high, critical"));
        Assert.That(rows[engineless.Name].GetProperty("status").GetString(), Is.EqualTo("invalid labels"));
        Assert.That(rows[engineless.Name].GetProperty("problems").EnumerateArray().Select(p => p.GetString()), Has.Some.Contains("'baktainer.db.name' is required for postgres"));
        Assert.That(rows[stopped.Name].GetProperty("status").GetString(), Is.EqualTo("not running"));

        var table = await Baktainer("list");
        Assert.That(table.Out, Does.Contain(ready.Name).And.Contain("ready").And.Contain("invalid labels"));
    }

    [Test]
    public async Task BackupDryRun_ShowsCommandsAndDestination_WritesNothing()
    {
        var c = await Start("dry", new()
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "orders",
            ["baktainer.db.password"] = "dry-Secret-1", ["baktainer.name"] = "orders",
        });

        var (code, output, error) = await Baktainer("backup", "--dry-run", "--target", c.Name);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("run in container: PGPASSWORD=******** pg_dump --no-password --username postgres --dbname orders"));
        Assert.That(output, Does.Match(@"write to: local:\d{4}-\d{2}-\d{2}/orders-\d{10}\.sql\.gz"));
        Assert.That(output + error, Does.Not.Contain("dry-Secret-1"));
        Assert.That(Backups.AllFiles(), Is.Empty);
    }

    private static Dictionary<string, string> Postgres(params (string Key, string Value)[] more)
    {
        var labels = new Dictionary<string, string> { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "orders" };
        foreach (var (k, v) in more) labels[k] = v;
        return labels;
    }

    [TestCase("baktainer.db.password_env", "NOT_SET_ANYWHERE", "NOT_SET_ANYWHERE")]
    [TestCase("baktainer.db.password_file", "/run/secrets/missing", "/run/secrets/missing")]
    public async Task BackupDryRun_CredentialsThatWouldNotResolve_Exit1NamingWhy(string label, string value, string named)
    {
        var c = await Start("dry-cred", Postgres((label, value)));

        var (code, output, error) = await Baktainer("backup", "--dry-run", "--target", c.Name);

        Assert.That(code, Is.EqualTo(1), "a dry run passes only what a real run would pass");
        Assert.That(output, Does.Contain("would FAIL:").And.Contain(named).And.Contain(label));
        Assert.That(output, Does.Not.Contain("PGPASSWORD=********"), "no plan shown as if it would work");
        Assert.That(Backups.AllFiles(), Is.Empty, error);
    }

    [Test]
    public async Task BackupDryRun_StoppedContainer_Exit1SayingNotRunning()
    {
        var c = await Start("dry-stopped", Postgres(), "true");
        await Eventually.HoldsAsync(async () => await DockerCli.CheckAsync("inspect", "-f", "{{.State.Running}}", c.Name) == "false",
            TimeSpan.FromSeconds(30), "the container to exit");

        var (code, output, _) = await Baktainer("backup", "--dry-run", "--target", c.Name);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"would FAIL: container {c.Name} is not running"));
    }

    [Test]
    public async Task BackupDryRun_BackupDirReadOnly_Exit1NamingFolder()
    {
        var c = await Start("dry-ro", Postgres(("baktainer.db.password", "dry-Secret-2")));
        using var mount = new TmpfsMount(System.IO.Path.Combine(Backups.Path, "ro"), "1m");
        mount.MakeReadOnly();

        var (code, output, error) = await BaktainerProcess.RunAsync(Backups.Environment(("BT_BACKUP_DIR", mount.Path)), "backup", "--dry-run", "--target", c.Name);

        Assert.That(code, Is.EqualTo(1), output + error);
        Assert.That(output, Does.Contain("would FAIL: storage 'local'").And.Contain(mount.Path).And.Contain("read-only"));
    }

    [Test]
    public async Task Backup_SelectedTarget_NoWarningsAboutOtherContainers()
    {
        var good = await Start("quiet-good", new() { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/a.db" });
        var other = await Start("quiet-other", new() { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.backup.priority"] = "asap" });

        var (_, output, error) = await Baktainer("backup", "--dry-run", "--target", good.Name);
        var all = await Baktainer("backup", "--dry-run");

        Assert.That(output + error, Does.Not.Contain(other.Name), "only the selected targets' problems belong in the output");
        Assert.That(all.Error, Does.Contain(other.Name).And.Contain("asap"), "without --target the skipped containers are reported");
    }

    [Test]
    public async Task Backup_UnknownTarget_Exit2ListingKnownOnes()
    {
        var known = await Start("known", new() { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/a.db", ["baktainer.name"] = "known-app" });
        var (code, _, error) = await Baktainer("backup", "--target", "no-such-container-xyz");
        Assert.That(code, Is.EqualTo(2), "a name that matches nothing is bad usage");
        Assert.That(error, Does.Contain("no target named 'no-such-container-xyz'; known targets:").And.Contain($"known-app (container {known.Name})"));
        Assert.That(Backups.AllFiles(), Is.Empty);
    }

    [Test]
    public async Task List_DockerUnreachable_ClearErrorExit1()
    {
        var (code, _, error) = await BaktainerProcess.RunAsync(Backups.Environment(("BT_DOCKER_URL", "unix:///tmp/bt-nowhere/docker.sock")), "list");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("cannot reach the Docker daemon at unix:///tmp/bt-nowhere/docker.sock"));
        Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
    }
}
