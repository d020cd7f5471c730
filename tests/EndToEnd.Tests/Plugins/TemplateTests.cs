using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Plugins;

/// <summary>
/// Each template of Baktainer.Templates, used as a plugin author uses it: <c>dotnet new</c> → the generated
/// tests pass → <c>dotnet pack</c> → <c>baktainer plugins install</c> → <c>plugins list</c> shows it by the
/// names a user writes → <c>validate</c> accepts it configured (and reports its own setting errors).
/// </summary>
public sealed class TemplateTests : EndToEndTest
{
    private const string Password = "Template-pw-8e1d";
    private const string Checksum = "select count(*) || ':' || md5(string_agg(id || '|' || name, ',' order by id)) from items";
    private static readonly TempFolder Work = new("bt-templates");
    private static string Hive => Path.Combine(Work.Path, "hive");

    [OneTimeSetUp]
    public Task InstallTemplates() => GeneratedPlugin.InstallTemplatesAsync(Work.Path, Hive);

    [OneTimeTearDown]
    public void RemoveWork() => Work.Dispose();

    /// <summary>
    /// The engine as generated dumps with pg_dump and restores with psql (to be replaced by the author's
    /// tools), so it is also run as generated against a real PostgreSQL: backup, change, restore.
    /// </summary>
    [Test, Category("Docker")]
    public async Task EngineTemplate_NewTestPackInstall_ValidAndBacksUpAndRestoresAsGenerated()
    {
        var package = await GeneratedPlugin.NewTestAndPackAsync(Work.Path, Hive, "baktainer-engine", "Acme.Baktainer.Valkey", "--engine", "valkey");
        var env = await GeneratedPlugin.InstallAsync(Backups, Work.Path, package, "Acme.Baktainer.Valkey", "engine valkey");

        var (code, output, error) = await BaktainerProcess.RunAsync(env, "validate", "--offline");
        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(output, Does.Contain("plugin Acme.Baktainer.Valkey 0.1.0: loaded (engine valkey)"));

        var db = Track(await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName("tpl-engine"), Password, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "valkey", ["baktainer.db.name"] = "orders",
            ["baktainer.db.user"] = "postgres", ["baktainer.db.password_env"] = "POSTGRES_PASSWORD",
        }));
        await DatabaseContainers.PsqlAsync(db, Password, "postgres", "create database orders");
        await DatabaseContainers.PsqlAsync(db, Password, "orders", "create table items(id int primary key, name text); insert into items select g, 'row ' || g from generate_series(1, 500) g");
        var expected = await DatabaseContainers.PsqlAsync(db, Password, "orders", Checksum);

        var dryRun = await BaktainerProcess.RunAsync(env, "backup", "--target", db.Name, "--dry-run");
        Assert.That(dryRun.Code, Is.EqualTo(0), dryRun.Out + dryRun.Error);
        Assert.That(dryRun.Out, Does.Contain("PGPASSWORD=******** pg_dump").And.Not.Contain(Password));

        using var watching = new CancellationTokenSource();
        var seen = DockerApi.WatchCommandLinesAsync(db.Name, watching.Token);
        var backup = await BaktainerProcess.RunAsync(env, "backup", "--target", db.Name);
        Assert.That(backup.Code, Is.EqualTo(0), backup.Out + backup.Error);
        Assert.That(Backups.SingleBackup().Manifest.Engine, Is.EqualTo("valkey"));

        await DatabaseContainers.PsqlAsync(db, Password, "orders", "delete from items where id > 10; update items set name = 'changed'");
        var restore = await BaktainerProcess.RunAsync(env, "restore", "latest", "--target", db.Name, "--yes");
        await watching.CancelAsync();
        Assert.That(restore.Code, Is.EqualTo(0), restore.Out + restore.Error);
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "orders", Checksum), Is.EqualTo(expected));
        var commandLines = await seen;
        Assert.That(commandLines, Has.Some.Contains("pg_dump"), "the dump ran in the container: " + string.Join(" | ", commandLines));
        Assert.That(commandLines, Has.None.Contains(Password), "the password never appears in an exec's argv");
    }

    [Test]
    public async Task StorageTemplate_NewTestPackInstall_ConfiguredEntryValidAndChecked()
    {
        var package = await GeneratedPlugin.NewTestAndPackAsync(Work.Path, Hive, "baktainer-storage", "Acme.Baktainer.Vault", "--storage-type", "vault");
        var env = await GeneratedPlugin.InstallAsync(Backups, Work.Path, package, "Acme.Baktainer.Vault", "storage vault");
        var folder = Directory.CreateDirectory(Path.Combine(Work.Path, "vault-backups")).FullName;

        var valid = await Validate(env, $$"""{ "Storage": [ { "Name": "offsite", "Type": "vault", "Path": "{{folder}}" } ] }""");
        var missing = await Validate(env, $$"""{ "Storage": [ { "Name": "offsite", "Type": "vault", "Path": "{{folder}}-missing" } ] }""");

        Assert.That(valid.Code, Is.EqualTo(0), valid.Out + valid.Error);
        Assert.That(valid.Out, Does.Contain("Storage:0: offsite (vault)"));
        Assert.That(missing.Code, Is.EqualTo(2), "the plugin's own check runs: " + missing.Out + missing.Error);
        Assert.That(missing.Error, Does.Contain($"vault storage 'offsite': folder {folder}-missing does not exist"));
    }

    [Test]
    public async Task NotifierTemplate_NewTestPackInstall_ConfiguredEntryValidAndChecked()
    {
        var package = await GeneratedPlugin.NewTestAndPackAsync(Work.Path, Hive, "baktainer-notifier", "Acme.Baktainer.Pager", "--notifier-type", "pager");
        var env = await GeneratedPlugin.InstallAsync(Backups, Work.Path, package, "Acme.Baktainer.Pager", "notifier pager");

        var valid = await Validate(env, """{ "Notifiers": [ { "Name": "ops", "Type": "pager", "Url": "https://pager.example/hook/token-51c2" } ] }""");
        var badUrl = await Validate(env, """{ "Notifiers": [ { "Name": "ops", "Type": "pager", "Url": "ftp://pager.example/hook/token-51c2" } ] }""");

        Assert.That(valid.Code, Is.EqualTo(0), valid.Out + valid.Error);
        Assert.That(valid.Out, Does.Contain("Notifiers:0: ops (pager)"));
        Assert.That(badUrl.Code, Is.EqualTo(2), "the plugin's own settings check runs: " + badUrl.Out + badUrl.Error);
        Assert.That(badUrl.Error, Does.Contain("pager notifier 'ops': Notifiers:0:Url").And.Contain("is not an http(s) URL (value hidden)"));
        Assert.That(badUrl.Out + badUrl.Error, Does.Not.Contain("token-51c2"));
    }

    private static async Task<(int Code, string Out, string Error)> Validate(Dictionary<string, string> env, string configuration)
    {
        var file = Path.Combine(Work.Path, $"config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, configuration);
        return await BaktainerProcess.RunAsync(env, "--config", file, "validate", "--offline");
    }
}
