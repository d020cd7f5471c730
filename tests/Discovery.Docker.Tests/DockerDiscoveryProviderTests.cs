using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Labels;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using Discovery.Docker.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Discovery.Docker.Tests;

[Category("Docker")]
public sealed class DockerDiscoveryProviderTests : DockerDiscoveryTest
{
    private async Task<TestContainer> Start(string purpose, Dictionary<string, string>? labels, Dictionary<string, string>? env = null, params string[] command)
    {
        return Containers.Track(await TestContainer.StartAsync(TestContainer.UniqueName(purpose), labels, env, null, command));
    }

    private async Task<List<BackupTarget>> DiscoverMine()
    {
        var provider = Fixture.Provider(); // kept alive: targets use its client until the fixture ends
        var names = Containers.Names.ToHashSet();
        var found = new List<BackupTarget>();
        await foreach (var t in provider.DiscoverAsync(CancellationToken.None)) if (names.Contains(t.DisplayName)) found.Add(t);
        return found;
    }

    private static Dictionary<string, string> Labels(string engine, string db, params (string, string)[] more)
    {
        var labels = new Dictionary<string, string> { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = engine, ["baktainer.db.name"] = db };
        foreach (var (k, v) in more) labels[k] = v;
        return labels;
    }

    [Test]
    public async Task DiscoverAsync_SeveralLabelledContainers_FoundWithSettings_UnlabelledIgnored()
    {
        var pg = await Start("pg", Labels("postgresql", "orders", ("baktainer.name", "orders-db"), ("baktainer.schedule", "0 * * * *")));
        var maria = await Start("maria", Labels("mariadb", "shop", ("baktainer.backup.priority", "critical")));
        var plain = await Start("plain", null);
        var off = await Start("off", new() { ["baktainer.backup"] = "false", ["baktainer.db.engine"] = "postgres" });

        var found = await DiscoverMine();

        Assert.That(found.Select(t => t.DisplayName), Is.EquivalentTo(new[] { pg.Name, maria.Name }));
        var pgTarget = found.Single(t => t.DisplayName == pg.Name);
        Assert.Multiple(() =>
        {
            Assert.That(pgTarget.Id, Is.EqualTo(pg.Id));
            Assert.That(pgTarget.Status, Is.EqualTo(TargetStatus.Ready));
            Assert.That(pgTarget.Engine, Is.EqualTo("postgres"));
            Assert.That(pgTarget.Settings.Database, Is.EqualTo("orders"));
            Assert.That(pgTarget.BackupName, Is.EqualTo("orders-db"));
            Assert.That(pgTarget.Settings.Schedules, Is.EqualTo(new[] { "0 * * * *" }));
            Assert.That(pgTarget.Provider, Is.EqualTo("docker"));
            Assert.That(found.Single(t => t.DisplayName == maria.Name).Settings.Priority, Is.EqualTo(BackupPriority.Critical));
        });
        Assert.That(found.Any(t => t.DisplayName == plain.Name || t.DisplayName == off.Name), Is.False);
    }

    [Test]
    public async Task DiscoverAsync_StoppedContainer_ReportedNotRunning()
    {
        var stopped = await Start("stopped", Labels("postgres", "app"), null, "true");
        await Eventually.HoldsAsync(async () => await DockerCli.CheckAsync("inspect", "-f", "{{.State.Running}}", stopped.Name) == "false",
            TimeSpan.FromSeconds(30), "the container to exit");
        var target = (await DiscoverMine()).Single();
        Assert.That(target.DisplayName, Is.EqualTo(stopped.Name));
        Assert.That(target.Status, Is.EqualTo(TargetStatus.NotRunning));
    }

    [Test]
    public async Task DiscoverAsync_InvalidLabels_NotReadyWithReasons_ProviderLogsNothing()
    {
        var bad = await Start("bad", Labels("oracle", "app", ("baktainer.backup.retention.days", "forever")));

        await DiscoverMine();
        using var provider = Fixture.Provider();
        var targets = new List<BackupTarget>();
        for (var i = 0; i < 3; i++)
            await foreach (var t in provider.DiscoverAsync(CancellationToken.None)) if (t.DisplayName == bad.Name) targets.Add(t);

        var target = targets[0];
        Assert.That(target.Status, Is.EqualTo(TargetStatus.InvalidLabels));
        Assert.That(target.Problems.Select(p => p.Message), Has.One.EqualTo("label 'baktainer.db.engine' has unknown engine \"oracle\"; loaded engines: postgres (postgresql), mysql, mariadb, sqlite, mongodb (mongo); is a plugin missing? see 'baktainer plugins list'"));
        Assert.That(target.Problems.Select(p => p.Message), Has.One.Contains("baktainer.backup.retention.days").And.Contains("\"forever\""));
        // The problems are data on the target; the host decides whom they concern (the daemon logs them once,
        // 'backup --target other' not at all), so the provider itself never logs them.
        Assert.That(Fixture.Logs.Lines.Where(l => l.Message.Contains(bad.Name)), Is.Empty);
    }

    [Test]
    public async Task ResolvePassword_FromContainerEnvironment()
    {
        var c = await Start("pwenv", Labels("postgres", "app", ("baktainer.db.password_env", "APP_DB_PASSWORD")), new() { ["APP_DB_PASSWORD"] = "from-env-s3cret" });
        var target = (await DiscoverMine()).Single();
        var password = await target.ResolvePasswordAsync(CancellationToken.None);
        Assert.That(password!.Reveal(), Is.EqualTo("from-env-s3cret"));
        Assert.That(target.SafeLabels.Values, Has.None.Contains("from-env-s3cret"));
        Assert.That(c.Name, Is.EqualTo(target.DisplayName));
    }

    [Test]
    public async Task ResolvePassword_MissingVariable_ErrorNamesContainerAndVariable()
    {
        var c = await Start("pwenvmissing", Labels("postgres", "app", ("baktainer.db.password_env", "NOT_SET_HERE")));
        var target = (await DiscoverMine()).Single();
        var e = Assert.ThrowsAsync<BaktainerException>(async () => await target.ResolvePasswordAsync(CancellationToken.None));
        Assert.That(e!.Message, Is.EqualTo($"container '{c.Name}': label 'baktainer.db.password_env' names NOT_SET_HERE, which is not set in the container's environment"));
    }

    [Test]
    public async Task ResolvePassword_FromFileInsideContainer()
    {
        var c = await Start("pwfile", Labels("postgres", "app", ("baktainer.db.password_file", "/tmp/db_password")), null,
            "sh", "-c", "printf 'file-s3cret\\n' > /tmp/db_password && exec sleep infinity");
        await Eventually.HoldsAsync(async () => (await DockerCli.RunAsync("exec", c.Name, "test", "-s", "/tmp/db_password")).Code == 0,
            TimeSpan.FromSeconds(30), "the password file to be written");
        var target = (await DiscoverMine()).Single();
        Assert.That((await target.ResolvePasswordAsync(CancellationToken.None))!.Reveal(), Is.EqualTo("file-s3cret"));
    }

    [Test]
    public async Task ResolvePassword_MissingFile_ErrorNamesFileAndReason()
    {
        var c = await Start("pwfilemissing", Labels("postgres", "app", ("baktainer.db.password_file", "/run/secrets/nope")));
        var target = (await DiscoverMine()).Single();
        var e = Assert.ThrowsAsync<BaktainerException>(async () => await target.ResolvePasswordAsync(CancellationToken.None));
        Assert.That(e!.Message, Does.StartWith($"container '{c.Name}': cannot read the password file '/run/secrets/nope' (label 'baktainer.db.password_file'):"));
        Assert.That(e.Message, Does.Contain("No such file"));
    }

    [Test]
    public async Task ResolvePassword_FromLabel_Returned()
    {
        await Start("pwlabel", Labels("postgres", "app", ("baktainer.db.password", "label-pw")));
        var target = (await DiscoverMine()).Single();
        Assert.That((await target.ResolvePasswordAsync(CancellationToken.None))!.Reveal(), Is.EqualTo("label-pw"));
        Assert.That(target.SafeLabels["baktainer.db.password"], Is.EqualTo(Secret.Mask));
    }
}
