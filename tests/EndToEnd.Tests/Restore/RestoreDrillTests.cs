using System.Text.Json;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Restore;

/// <summary>baktainer.verify=restore: each backup is restored into a scratch database and compared.</summary>
[Category("Docker")]
public sealed class RestoreDrillTests : EndToEndTest
{
    private const string Password = "drill-Secret-2";

    private async Task<TestContainer> Postgres(string purpose)
    {
        var db = Track(await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName(purpose), Password, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "app",
            ["baktainer.db.password_env"] = "POSTGRES_PASSWORD", ["baktainer.verify"] = "restore",
        }));
        await DatabaseContainers.PsqlAsync(db, Password, "postgres", "create database app");
        return db;
    }

    [Test]
    public async Task Postgres_GoodData_DrillPassesAndCountsRecorded()
    {
        var db = await Postgres("drill-pg");
        await DatabaseContainers.PsqlAsync(db, Password, "app",
            "create schema sales; create table sales.orders(id int primary key, note text); insert into sales.orders select g, 'a\tb\\c ' || g from generate_series(1, 1234) g; " +
            "create table \"Mixed Case\"(x int); insert into \"Mixed Case\" values (1), (2); create table empty_one(y int);");

        var (code, output, error) = await Baktainer("backup", "--target", db.Name);

        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(output, Does.Contain("(verified: restore)"));
        var (_, manifest) = Backups.SingleBackup();
        Assert.That(manifest.Verification, Is.EqualTo("restore"));
        Assert.That(manifest.VerifiedRowCounts, Is.EquivalentTo(new Dictionary<string, long>
        {
            ["sales.orders"] = 1234, ["public.\"Mixed Case\""] = 2, ["public.empty_one"] = 0,
        }));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "postgres", "select count(*) from pg_database where datname like 'bt_drill_%'"), Is.EqualTo("0"));

        var backups = await Baktainer("backups", "--json");
        Assert.That(JsonDocument.Parse(backups.Out).RootElement[0].GetProperty("verification").GetString(), Is.EqualTo("restore"));
    }

    [Test]
    public async Task Postgres_UnrestorableDump_BackupFailsAndScratchRemoved()
    {
        var db = await Postgres("drill-pg-bad");
        // A CHECK constraint whose function reads a table pg_dump loads later: the dump is complete and
        // ends with its marker, yet it cannot be restored - exactly what only a restore proves.
        await DatabaseContainers.PsqlAsync(db, Password, "app",
            "create table z(id int); insert into z values (1); " +
            "create function in_z(int) returns boolean language sql as 'select exists(select 1 from public.z where id = $1)'; " +
            "create table b(x int check (in_z(x))); insert into b values (1);");

        var (code, output, error) = await Baktainer("backup", "--target", db.Name);

        Assert.That(code, Is.EqualTo(1), output + error);
        Assert.That(output, Does.Contain("restore drill failed").And.Contain("did not restore into a scratch database"));
        var (_, manifest) = Backups.SingleBackup();
        Assert.That(manifest.Verification, Does.StartWith("failed: restore drill failed"));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "postgres", "select count(*) from pg_database where datname like 'bt_drill_%'"), Is.EqualTo("0"), "scratch database removed after the failure");
    }

    [Test]
    public async Task MariaDb_TrickyValues_DrillCountsEveryRow()
    {
        var db = Track(await DatabaseContainers.StartMariaDbAsync(TestContainer.UniqueName("drill-maria"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "mariadb", ["baktainer.db.name"] = "shop", ["baktainer.verify"] = "restore",
        }));
        await DatabaseContainers.MariaAsync(db, "create database shop");
        await DatabaseContainers.MariaAsync(db,
            "create table notes(id int primary key, body text); " +
            "insert into notes values (1, 'paren ( inside'), (2, 'quote \\' and ) close'), (3, NULL), (4, 'back\\\\slash'), (5, 'new\\nline'); " +
            "insert into notes select seq + 10, concat('(', seq, ')') from seq_1_to_2000; create table empty_one(y int);", "shop");

        var (code, output, error) = await Baktainer("backup", "--target", db.Name);

        Assert.That(code, Is.EqualTo(0), output + error);
        var (_, manifest) = Backups.SingleBackup();
        Assert.That(manifest.Verification, Is.EqualTo("restore"));
        Assert.That(manifest.VerifiedRowCounts, Is.EquivalentTo(new Dictionary<string, long> { ["notes"] = 2005, ["empty_one"] = 0 }));
        Assert.That(await DatabaseContainers.MariaAsync(db, "select count(*) from information_schema.schemata where schema_name like 'bt_drill_%'"), Is.EqualTo("0"));
    }

    [Test]
    public async Task MariaDb_UserWithoutCreateDatabase_DumpKeptMarkedFailedExit1NamingPrivilege()
    {
        var db = Track(await DatabaseContainers.StartMariaDbAsync(TestContainer.UniqueName("drill-priv"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "mariadb", ["baktainer.db.name"] = "shop", ["baktainer.verify"] = "restore",
            ["baktainer.db.user"] = "reader", ["baktainer.db.password"] = "reader-Pw-1",
        }));
        await DatabaseContainers.MariaAsync(db, "create database shop; create table shop.t(id int); insert into shop.t values (1), (2);" +
            "create user 'reader'@'localhost' identified by 'reader-Pw-1'; grant select, lock tables, show view, event, trigger on shop.* to 'reader'@'localhost';");

        var (code, output, error) = await Baktainer("backup", "--target", db.Name);

        Assert.That(code, Is.EqualTo(1), "a drill that cannot run fails the run");
        Assert.That(output + error, Does.Contain("CREATE DATABASE").And.Contain("'reader'"), "the message names the privilege the drill needs");
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(manifest.Verification, Does.StartWith("failed: restore drill failed"), "the dump is kept and marked");
        Assert.That(output + error, Does.Contain(manifest.Key).And.Contain("verification: failed"));
        Assert.That(Backups.Decompress(file, manifest.RawSize), Does.Exist);
        var listed = await Baktainer("backups", "--json");
        Assert.That(JsonDocument.Parse(listed.Out).RootElement[0].GetProperty("verification").GetString(), Does.StartWith("failed:"));
    }

    [Test]
    public async Task Sqlite_DrillRestoresToTemporaryFileAndCounts()
    {
        var db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("drill-sqlite"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db", ["baktainer.verify"] = "restore",
        }));
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "create table a(x); insert into a values (1), (2), (3); create table b(y);");

        var (code, output, error) = await Baktainer("backup", "--target", db.Name);

        Assert.That(code, Is.EqualTo(0), output + error);
        var (_, manifest) = Backups.SingleBackup();
        Assert.That(manifest.Verification, Is.EqualTo("restore"));
        Assert.That(manifest.VerifiedRowCounts, Is.EquivalentTo(new Dictionary<string, long> { ["a"] = 3, ["b"] = 0 }));
        Assert.That(await db.ExecAsync("sh", "-c", "ls /tmp"), Does.Not.Contain("baktainer-"));
    }
}
