using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Restore;

/// <summary>Known data, backup, damage, restore, and the same data again - compared with queries, not dump bytes.</summary>
[Category("Docker")]
public sealed class RestoreRoundTripTests : EndToEndTest
{
    private const string Password = "restore-Secret-5";
    private const string PgChecksum = "select count(*) || ':' || md5(string_agg(id || '|' || name, ',' order by id)) from items";

    private async Task<TestContainer> Postgres(string purpose, params (string, string)[] labels)
    {
        var all = new Dictionary<string, string> { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.password_env"] = "POSTGRES_PASSWORD" };
        foreach (var (k, v) in labels) all[k] = v;
        var c = await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName(purpose), Password, all);
        return Track(c);
    }

    private static async Task SeedPostgres(TestContainer c, string database, int rows)
    {
        await DatabaseContainers.PsqlAsync(c, Password, "postgres", $"create database {database}");
        await DatabaseContainers.PsqlAsync(c, Password, database,
            $"create table items(id int primary key, name text); insert into items select g, 'row ' || g from generate_series(1, {rows}) g; create table extra(x int);");
    }

    [Test]
    public async Task Postgres_OneDatabase_RestoreReplacesDamagedData()
    {
        var db = await Postgres("rt-pg", ("baktainer.db.name", "orders"));
        await SeedPostgres(db, "orders", 2000);
        var expected = await DatabaseContainers.PsqlAsync(db, Password, "orders", PgChecksum);
        Assert.That((await Baktainer("backup", "--target", db.Name)).Code, Is.EqualTo(0));

        await DatabaseContainers.PsqlAsync(db, Password, "orders", "delete from items where id > 100; update items set name = 'changed'; drop table extra; create table unwanted(y int);");

        var refused = await Baktainer("restore", "latest", "--target", db.Name);
        Assert.That(refused.Code, Is.EqualTo(2), "existing tables need --yes");
        Assert.That(refused.Error, Does.Contain("would overwrite").And.Contain("table orders.public.items").And.Contain("--yes"));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "orders", "select count(*) from items"), Is.EqualTo("100"), "refusal touched nothing");

        var restored = await Baktainer("restore", "latest", "--target", db.Name, "--yes");
        Assert.That(restored.Code, Is.EqualTo(0));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "orders", PgChecksum), Is.EqualTo(expected));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "orders", "select string_agg(tablename, ',' order by tablename) from pg_tables where schemaname = 'public'"), Is.EqualTo("extra,items"));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "postgres", "select count(*) from pg_database where datname like '%__bt_%'"), Is.EqualTo("0"), "no temporary databases left");
    }

    [Test]
    public async Task Postgres_AllDatabases_RestoreBringsBackEveryDatabase()
    {
        var db = await Postgres("rt-pgall", ("baktainer.db.all", "true"));
        await SeedPostgres(db, "shop", 300);
        await SeedPostgres(db, "crm", 500);
        var shop = await DatabaseContainers.PsqlAsync(db, Password, "shop", PgChecksum);
        var crm = await DatabaseContainers.PsqlAsync(db, Password, "crm", PgChecksum);
        Assert.That((await Baktainer("backup", "--target", db.Name)).Code, Is.EqualTo(0));

        await DatabaseContainers.PsqlAsync(db, Password, "postgres", "drop database shop");
        await DatabaseContainers.PsqlAsync(db, Password, "crm", "delete from items");

        Assert.That((await Baktainer("restore", "latest", "--target", db.Name, "--yes")).Code, Is.EqualTo(0));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "shop", PgChecksum), Is.EqualTo(shop));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "crm", PgChecksum), Is.EqualTo(crm));
    }

    [Test]
    public async Task MariaDb_RestoreReplacesDamagedData()
    {
        var db = await DatabaseContainers.StartMariaDbAsync(TestContainer.UniqueName("rt-maria"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "mariadb", ["baktainer.db.name"] = "shop",
        });
        Track(db);
        await DatabaseContainers.MariaAsync(db, "create database shop");
        await DatabaseContainers.MariaAsync(db, "create table items(id int primary key, name varchar(50)); insert into items select seq, concat('row ', seq) from seq_1_to_1500", "shop");
        const string checksum = "select concat(count(*), ':', md5(group_concat(id, name order by id))) from items";
        var expected = await DatabaseContainers.MariaAsync(db, checksum, "shop");
        Assert.That((await Baktainer("backup", "--target", db.Name)).Code, Is.EqualTo(0));

        await DatabaseContainers.MariaAsync(db, "delete from items where id > 10; create table unwanted(y int)", "shop");
        Assert.That((await Baktainer("restore", "latest", "--target", db.Name)).Code, Is.EqualTo(2));
        Assert.That((await Baktainer("restore", "latest", "--target", db.Name, "--yes")).Code, Is.EqualTo(0));

        Assert.That(await DatabaseContainers.MariaAsync(db, checksum, "shop"), Is.EqualTo(expected));
        Assert.That(await DatabaseContainers.MariaAsync(db, "show tables", "shop"), Is.EqualTo("items"), "replaced, not merged");
    }

    [Test]
    public async Task Sqlite_RestoreSwapsFileAtomically()
    {
        var db = await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("rt-sqlite"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        });
        Track(db);
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "create table notes(id integer primary key, body text); insert into notes(body) values ('a'), ('b'), ('c');");
        Assert.That((await Baktainer("backup", "--target", db.Name)).Code, Is.EqualTo(0));

        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "delete from notes; create table unwanted(y);");
        Assert.That((await Baktainer("restore", "latest", "--target", db.Name)).Code, Is.EqualTo(2));
        Assert.That((await Baktainer("restore", "latest", "--target", db.Name, "--yes")).Code, Is.EqualTo(0));

        Assert.That(await DatabaseContainers.SqliteAsync(db, "/data/app.db", "select group_concat(body) from notes; select count(*) from sqlite_master where name = 'unwanted';"), Is.EqualTo("a,b,c\n0"));
        Assert.That(await db.ExecAsync("sh", "-c", "ls -a /data"), Does.Not.Contain("baktainer-restore"));
    }

    [Test]
    public async Task Restore_ChecksumMismatch_RefusedAndDatabaseUntouched()
    {
        var db = await Postgres("rt-corrupt", ("baktainer.db.name", "orders"));
        await SeedPostgres(db, "orders", 500);
        Assert.That((await Baktainer("backup", "--target", db.Name)).Code, Is.EqualTo(0));
        var (file, _) = Backups.SingleBackup();
        BackupDamage.FlipByte(file, 100);
        await DatabaseContainers.PsqlAsync(db, Password, "orders", "delete from items where id > 7");

        var (code, _, error) = await Baktainer("restore", "latest", "--target", db.Name, "--yes");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("refusing to restore").And.Contain("does not match the manifest").And.Contain("the database was not touched"));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "orders", "select count(*) from items"), Is.EqualTo("7"));
    }
}
