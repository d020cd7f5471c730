using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using EndToEnd.Tests;

namespace EndToEnd.Tests.Engines;

[Category("Docker")]
public sealed class PostgresBackupTests : EndToEndTest
{
    private const string Password = "pg-Secret-7731";
    private const string Checksum = "select count(*) || ':' || md5(string_agg(id || '|' || name || '|' || coalesce(note, ''), ',' order by id)) from items";


    private async Task<TestContainer> Postgres(string purpose, Dictionary<string, string>? labels = null)
    {
        var c = await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName(purpose), Password, labels);
        return Track(c);
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

    private static async Task Seed(TestContainer c, string database, int rows)
    {
        await DatabaseContainers.PsqlAsync(c, Password, "postgres", $"create database {database}");
        await DatabaseContainers.PsqlAsync(c, Password, database,
            "create table items(id int primary key, name text not null, note text); " +
            $"insert into items select g, 'item ' || g || ' ünïcødé ''quoted''', case when g % 3 = 0 then null else repeat('x', g % 50) end from generate_series(1, {rows}) g; " +
            "create view item_names as select name from items; create index on items(name);");
    }

    [Test]
    public async Task Backup_OneDatabase_CompleteChecksummedAndRestoresSameRows()
    {
        var db = await Postgres("pg-one", Labels(("baktainer.db.name", "orders"), ("baktainer.name", "orders-db")));
        await Seed(db, "orders", 5000);
        var expected = await DatabaseContainers.PsqlAsync(db, Password, "orders", Checksum);

        var (code, output, error) = await Baktainer("backup", "--target", db.Name);

        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(output, Does.Contain("orders-db").And.Contain("ok "));
        var (file, manifest) = Backups.SingleBackup();
        Assert.Multiple(() =>
        {
            Assert.That(Path.GetFileName(file), Does.Match(@"^orders-db-\d{10}\.sql\.gz$"));
            Assert.That(Path.GetFileName(Path.GetDirectoryName(file)), Is.EqualTo(DateTime.UtcNow.ToString("yyyy-MM-dd")));
            Assert.That(manifest.Engine, Is.EqualTo("postgres"));
            Assert.That(manifest.Database, Is.EqualTo("orders"));
            Assert.That(manifest.Compression, Is.EqualTo("gzip"));
            Assert.That(manifest.ToolVersion, Does.StartWith("pg_dump (PostgreSQL) 15"));
            Assert.That(manifest.PluginVersions.Keys, Does.Contain("Engines.Postgres"));
            Assert.That(manifest.StoredSize, Is.LessThan(manifest.RawSize));
        });
        var raw = Backups.Decompress(file, manifest.RawSize);
        var tail = File.ReadLines(raw).Reverse().Where(l => l.Trim().Length > 0 && l.Trim() != "--").Take(2).ToList();
        Assert.That(tail, Has.Some.EqualTo("-- PostgreSQL database dump complete"));

        var fresh = await Postgres("pg-fresh");
        await DatabaseContainers.PsqlAsync(fresh, Password, "postgres", "create database orders");
        await DockerCli.PipeFileAsync(raw, "exec", "-i", "-e", "PGPASSWORD=" + Password, fresh.Name, "psql", "-h", "/tmp", "-U", "postgres", "-d", "orders", "-v", "ON_ERROR_STOP=1", "-q");
        Assert.That(await DatabaseContainers.PsqlAsync(fresh, Password, "orders", Checksum), Is.EqualTo(expected));
        Assert.That(await DatabaseContainers.PsqlAsync(fresh, Password, "orders", "select count(*) from item_names"), Is.EqualTo("5000"));
    }

    [Test]
    public async Task Backup_AllDatabases_PgDumpAllRestoresEveryDatabase()
    {
        var db = await Postgres("pg-all", Labels(("baktainer.db.all", "true")));
        await Seed(db, "shop", 300);
        await Seed(db, "crm", 700);

        var (code, output, error) = await Baktainer("backup", "--target", db.Name);

        Assert.That(code, Is.EqualTo(0), output + error);
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(manifest.Database, Is.EqualTo("*"));
        Assert.That(manifest.ToolVersion, Does.StartWith("pg_dumpall"));
        var raw = Backups.Decompress(file, manifest.RawSize);
        Assert.That(File.ReadLines(raw).Any(l => l == "-- PostgreSQL database cluster dump complete"), Is.True);

        var fresh = await Postgres("pg-all-fresh");
        // The cluster dump re-creates the postgres role, which exists: that one error is expected.
        await DockerCli.PipeFileAsync(raw, "exec", "-i", "-e", "PGPASSWORD=" + Password, fresh.Name, "psql", "-h", "/tmp", "-U", "postgres", "-d", "postgres", "-q");
        Assert.That(await DatabaseContainers.PsqlAsync(fresh, Password, "shop", "select count(*) from items"), Is.EqualTo("300"));
        Assert.That(await DatabaseContainers.PsqlAsync(fresh, Password, "crm", Checksum), Is.EqualTo(await DatabaseContainers.PsqlAsync(db, Password, "crm", Checksum)));
    }

    [Test]
    public async Task Backup_Uncompressed_WhenLabelSaysSo()
    {
        var db = await Postgres("pg-plain", Labels(("baktainer.db.name", "plain"), ("baktainer.compress", "false")));
        await Seed(db, "plain", 10);
        var (code, output, error) = await Baktainer("backup", "--target", db.Name);
        Assert.That(code, Is.EqualTo(0), output + error);
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(file, Does.EndWith(".sql"));
        Assert.That(manifest.Compression, Is.EqualTo("none"));
        Assert.That(manifest.RawSize, Is.EqualTo(manifest.StoredSize));
        Assert.That(File.ReadAllText(file), Does.Contain("-- PostgreSQL database dump complete"));
    }

    [Test]
    public async Task Backup_Secrets_NeverInExecArgvProcessListLogsOrOutput()
    {
        var db = await Postgres("pg-secret", Labels(("baktainer.db.name", "vault")));
        await Seed(db, "vault", 400_000); // a dump long enough to watch while it runs
        var labelPassword = await Postgres("pg-secret-label", new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "postgres", ["baktainer.db.password"] = Password,
        });

        using var watching = new CancellationTokenSource();
        var seen = DockerApi.WatchCommandLinesAsync(db.Name, watching.Token);
        var (code, output, error) = await Baktainer("--verbose", "backup", "--target", db.Name, "--target", labelPassword.Name);
        await watching.CancelAsync();
        var commandLines = await seen;
        var dryRun = await Baktainer("backup", "--dry-run", "--target", labelPassword.Name);
        var list = await Baktainer("list", "--json");

        Assert.That(code, Is.EqualTo(0), output + error);
        foreach (var text in new[] { output, error, dryRun.Out, dryRun.Error, list.Out, list.Error })
            Assert.That(text, Does.Not.Contain(Password));
        Assert.That(dryRun.Out, Does.Contain("PGPASSWORD=********"));
        Assert.That(commandLines, Has.Some.Contains("pg_dump --no-password"), "the running dump was observed: " + string.Join(" | ", commandLines));
        Assert.That(commandLines, Has.None.Contains(Password));
    }
}
