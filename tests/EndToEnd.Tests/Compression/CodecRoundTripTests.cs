using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using EndToEnd.Tests.Engines;

namespace EndToEnd.Tests.Compression;

/// <summary>
/// Every codec and level on real PostgreSQL, MariaDB and SQLite backups: the stored file is
/// decompressed with the codec's own command line tool and loaded with the engine's own tool
/// (psql, mariadb, sqlite3); the data must be the same. One zstd backup per engine is also
/// restored by <c>baktainer restore</c>.
/// </summary>
[Category("Docker")]
public sealed class CodecRoundTripTests : EndToEndTest
{
    private const string Password = "codec-Secret-3";
    private const string PgChecksum = "select count(*) || ':' || md5(string_agg(id || '|' || name || '|' || note, ',' order by id)) from items";
    private const string MariaChecksum = "select concat(count(*), ':', md5(group_concat(id, name, note order by id))) from items";
    private const string SqliteChecksum = "select count(*) || ':' || sum(length(body)) || ':' || max(body) from notes;";

    private string Raw(int i) => Path.Combine(Backups.Path, $"raw-{i}");

    [Test]
    public async Task Postgres_EveryCodecAndLevel_PsqlRestoresSameData()
    {
        var db = Track(await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName("codec-pg"), Password, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "shop", ["baktainer.db.password_env"] = "POSTGRES_PASSWORD",
        }));
        await DatabaseContainers.PsqlAsync(db, Password, "postgres", "create database shop");
        await DatabaseContainers.PsqlAsync(db, Password, "shop", "create table items(id int primary key, name text, note text); " +
            "insert into items select g, 'item ' || g, md5(g::text) || ' ✓' from generate_series(1, 30000) g");
        var expected = await DatabaseContainers.PsqlAsync(db, Password, "shop", PgChecksum);

        for (var i = 0; i < CodecCase.All.Length; i++)
        {
            var (file, manifest) = await CodecBackups.BackupAsync(Backups, CodecCase.All[i], db.Name);
            Assert.That(file, Does.EndWith(".sql" + CodecCase.All[i].Extension));
            await CodecBackups.DecompressWithCliAsync(file, manifest, Raw(i));
            await DatabaseContainers.PsqlAsync(db, Password, "postgres", $"create database check{i}");
            await DockerCli.PipeFileAsync(Raw(i), "exec", "-i", "-e", "PGPASSWORD=" + Password, db.Name, "psql", "-h", "/tmp", "-U", "postgres", "-d", $"check{i}", "-v", "ON_ERROR_STOP=1", "-q");
            Assert.That(await DatabaseContainers.PsqlAsync(db, Password, $"check{i}", PgChecksum), Is.EqualTo(expected), CodecCase.All[i].ToString());
        }

        await DatabaseContainers.PsqlAsync(db, Password, "shop", "delete from items where id > 5");
        var restore = await BaktainerProcess.RunAsync(Backups.Environment(("BT_BACKUP_DIR", Path.Combine(Backups.Path, "zstd-default"))), "restore", "latest", "--target", db.Name, "--yes");
        Assert.That(restore.Code, Is.EqualTo(0), restore.Error);
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "shop", PgChecksum), Is.EqualTo(expected), "baktainer restore of the zstd backup");
    }

    [Test]
    public async Task MariaDb_EveryCodecAndLevel_MariadbClientRestoresSameData()
    {
        var db = Track(await DatabaseContainers.StartMariaDbAsync(TestContainer.UniqueName("codec-maria"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "mariadb", ["baktainer.db.name"] = "shop",
        }));
        await DatabaseContainers.MariaAsync(db, "create database shop");
        await DatabaseContainers.MariaAsync(db, "create table items(id int primary key, name varchar(50), note varchar(80)); " +
            "insert into items select seq, concat('item ', seq), concat(md5(seq), ' ✓') from seq_1_to_30000", "shop");
        var expected = await DatabaseContainers.MariaAsync(db, MariaChecksum, "shop");

        for (var i = 0; i < CodecCase.All.Length; i++)
        {
            var (file, manifest) = await CodecBackups.BackupAsync(Backups, CodecCase.All[i], db.Name);
            await CodecBackups.DecompressWithCliAsync(file, manifest, Raw(i));
            await DatabaseContainers.MariaAsync(db, $"create database check{i}");
            await DockerCli.PipeFileAsync(Raw(i), "exec", "-i", db.Name, "mariadb", $"check{i}");
            Assert.That(await DatabaseContainers.MariaAsync(db, MariaChecksum, $"check{i}"), Is.EqualTo(expected), CodecCase.All[i].ToString());
        }

        await DatabaseContainers.MariaAsync(db, "delete from items where id > 5", "shop");
        var restore = await BaktainerProcess.RunAsync(Backups.Environment(("BT_BACKUP_DIR", Path.Combine(Backups.Path, "zstd-default"))), "restore", "latest", "--target", db.Name, "--yes");
        Assert.That(restore.Code, Is.EqualTo(0), restore.Error);
        Assert.That(await DatabaseContainers.MariaAsync(db, MariaChecksum, "shop"), Is.EqualTo(expected), "baktainer restore of the zstd backup");
    }

    [Test]
    public async Task Sqlite_EveryCodecAndLevel_Sqlite3OpensSameData()
    {
        var db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("codec-sqlite"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "create table notes(id integer primary key, body text); " +
            "with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000) insert into notes select i, 'note ' || i || ' ✓' from n;");
        var expected = await DatabaseContainers.SqliteAsync(db, "/data/app.db", SqliteChecksum);

        for (var i = 0; i < CodecCase.All.Length; i++)
        {
            var (file, manifest) = await CodecBackups.BackupAsync(Backups, CodecCase.All[i], db.Name);
            await CodecBackups.DecompressWithCliAsync(file, manifest, Raw(i));
            Assert.That(SqliteBackupTests.Sqlite(Raw(i), "pragma integrity_check;"), Is.EqualTo("ok"), CodecCase.All[i].ToString());
            Assert.That(SqliteBackupTests.Sqlite(Raw(i), SqliteChecksum), Is.EqualTo(expected), CodecCase.All[i].ToString());
        }

        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "delete from notes where id > 5;");
        var restore = await BaktainerProcess.RunAsync(Backups.Environment(("BT_BACKUP_DIR", Path.Combine(Backups.Path, "zstd-default"))), "restore", "latest", "--target", db.Name, "--yes");
        Assert.That(restore.Code, Is.EqualTo(0), restore.Error);
        Assert.That(await DatabaseContainers.SqliteAsync(db, "/data/app.db", SqliteChecksum), Is.EqualTo(expected), "baktainer restore of the zstd backup");
    }
}
