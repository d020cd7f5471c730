using System.IO.Compression;
using System.Security.Cryptography;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Encryption;

/// <summary>Encrypted backups of real databases: nothing readable stored, restore and verify with the key, and every kind of damage refused.</summary>
[Category("Docker")]
public sealed class EncryptedBackupTests : EndToEndTest
{
    private const string Password = "enc-Secret-7";
    private static readonly string Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
    private const string PgChecksum = "select count(*) || ':' || md5(string_agg(id || '|' || v, ',' order by id)) from t";

    private Task<(int Code, string Out, string Error)> Run(IEnumerable<(string, string)> env, params string[] args) =>
        RunLogged(Backups.Environment([.. env]), args);

    private static async Task<(int Code, string Out, string Error)> RunLogged(Dictionary<string, string> env, string[] args)
    {
        var result = await BaktainerProcess.RunAsync(env, args);
        await TestContext.Out.WriteLineAsync($"baktainer {string.Join(' ', args)} -> {result.Code}\n{result.Out}{result.Error}");
        Assert.That(result.Out + result.Error, Does.Not.Contain(Key).And.Not.Contain("Unhandled exception").And.Not.Contain("   at "), "no key, no stack trace");
        return result;
    }

    private static (string, string)[] WithKey => [("BT_ENCRYPTION_ENABLED", "true"), ("BT_ENCRYPTION_KEY", Key)];

    private async Task<TestContainer> SeededPostgres(int rows)
    {
        var db = Track(await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName("enc-pg"), Password, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "app", ["baktainer.db.password_env"] = "POSTGRES_PASSWORD",
        }));
        await DatabaseContainers.PsqlAsync(db, Password, "postgres", "create database app");
        await DatabaseContainers.PsqlAsync(db, Password, "app", $"create table t as select g as id, md5(g::text) || ' visible-row-text' as v from generate_series(1, {rows}) g");
        return db;
    }

    private static void AssertUnreadable(string file, params string[] dumpText)
    {
        var bytes = File.ReadAllBytes(file);
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        foreach (var t in dumpText) Assert.That(text, Does.Not.Contain(t), "no dump text in the stored bytes");
        Assert.That(bytes[..4], Is.EqualTo("BKTS"u8.ToArray()));
        Assert.Throws<InvalidDataException>(() => new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress).CopyTo(Stream.Null), "does not gunzip");
    }

    [Test]
    public async Task Postgres_Encrypted_UnreadableVerifiesRestoresAndRefusesEveryDamage()
    {
        var db = await SeededPostgres(40000);
        var expected = await DatabaseContainers.PsqlAsync(db, Password, "app", PgChecksum);
        Assert.That((await Run(WithKey, "backup", "--target", db.Name)).Code, Is.EqualTo(0));
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(file, Does.EndWith(".sql.gz.enc"));
        Assert.That(manifest.Encryption, Is.EqualTo("aes-256-gcm-stream-v1"));
        Assert.That(manifest.EncryptionKeyId, Does.Match("^k-[0-9a-f]{16}$"));
        AssertUnreadable(file, "visible-row-text", "PostgreSQL database dump", "CREATE TABLE");
        var original = File.ReadAllBytes(file);
        Assert.That(EncryptedLayout.SegmentCount(original), Is.GreaterThanOrEqualTo(4), "enough segments to damage the middle one");

        var verify = await Run(WithKey, "verify", "--target", db.Name);
        Assert.That(verify.Code, Is.EqualTo(0));
        Assert.That(verify.Out, Does.Contain("1 of 1 backup(s) verified"));

        var last = EncryptedLayout.SegmentCount(original) - 1;
        var boundary = EncryptedLayout.SegmentOffset(original, 2);
        var damages = new (string Name, Func<byte[], byte[]> Apply, string Expected)[]
        {
            ("header byte", b => Flip(b, 30), "its header is damaged"),
            ("middle segment", b => Flip(b, EncryptedLayout.SegmentOffset(b, 1) + 100), "segment 1 fails authentication"),
            ("last segment", b => Flip(b, b.Length - 20), $"segment {last} fails authentication"),
            ("cut at boundary", b => b[..boundary], "ends after segment 1 without its final segment"),
            ("cut inside a segment", b => b[..(boundary + 1000)], "segment 2"),
            ("segments swapped", b => Swap(b, 1, 2), "segment 1 fails authentication"),
        };
        await DatabaseContainers.PsqlAsync(db, Password, "app", "delete from t where id > 5");
        foreach (var (name, apply, message) in damages)
        {
            File.WriteAllBytes(file, apply((byte[])original.Clone()));
            var failed = await Run(WithKey, "verify", "--target", db.Name);
            Assert.That(failed.Code, Is.EqualTo(1), name);
            Assert.That(failed.Out, Does.Contain(message).And.Contain(Path.GetFileName(file)), name);
            var refused = await Run(WithKey, "restore", "latest", "--target", db.Name, "--yes");
            Assert.That(refused.Code, Is.EqualTo(1), name);
            Assert.That(refused.Error, Does.Contain("refusing to restore").And.Contain(message), name);
            Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "app", "select count(*) from t"), Is.EqualTo("5"), $"{name}: database untouched");
        }

        File.WriteAllBytes(file, original);
        var wrongKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var wrong = await Run([("BT_ENCRYPTION_KEY", wrongKey)], "restore", "latest", "--target", db.Name, "--yes");
        Assert.That(wrong.Code, Is.EqualTo(1));
        Assert.That(wrong.Error, Does.Contain($"encrypted with key {manifest.EncryptionKeyId}, which is not available").And.Not.Contain(wrongKey));
        var none = await Run([], "restore", "latest", "--target", db.Name, "--yes");
        Assert.That(none.Code, Is.EqualTo(1));
        Assert.That(none.Error, Does.Contain(manifest.EncryptionKeyId).And.Contain("no decryption key is configured"));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "app", "select count(*) from t"), Is.EqualTo("5"), "database untouched");

        Assert.That((await Run(WithKey, "restore", "latest", "--target", db.Name, "--yes")).Code, Is.EqualTo(0));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "app", PgChecksum), Is.EqualTo(expected));
    }

    [Test]
    public async Task MariaDb_Encrypted_RestoresAndVerifies()
    {
        var db = Track(await DatabaseContainers.StartMariaDbAsync(TestContainer.UniqueName("enc-maria"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "mariadb", ["baktainer.db.name"] = "shop", ["baktainer.backup.encrypt"] = "true",
        }));
        await DatabaseContainers.MariaAsync(db, "create database shop");
        await DatabaseContainers.MariaAsync(db, "create table items(id int primary key, name varchar(50)); insert into items select seq, concat('maria-row-', seq) from seq_1_to_3000", "shop");
        const string checksum = "select concat(count(*), ':', md5(group_concat(id, name order by id))) from items";
        var expected = await DatabaseContainers.MariaAsync(db, checksum, "shop");

        // Encryption comes from the label alone: BT_ENCRYPTION_ENABLED is not set.
        Assert.That((await Run([("BT_ENCRYPTION_KEY", Key), ("BT_VERIFY", "restore")], "backup", "--target", db.Name)).Code, Is.EqualTo(0));
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(manifest.Verification, Is.EqualTo("restore"), "restore drill on the encrypted backup");
        AssertUnreadable(file, "maria-row-", "Dump completed", "CREATE TABLE");

        await DatabaseContainers.MariaAsync(db, "delete from items", "shop");
        Assert.That((await Run([("BT_ENCRYPTION_KEY", Key)], "verify", "--all")).Code, Is.EqualTo(0));
        Assert.That((await Run([("BT_ENCRYPTION_KEY", Key)], "restore", "latest", "--target", db.Name, "--yes")).Code, Is.EqualTo(0));
        Assert.That(await DatabaseContainers.MariaAsync(db, checksum, "shop"), Is.EqualTo(expected));
    }

    [Test]
    public async Task Sqlite_Encrypted_RestoresAndVerifies()
    {
        var db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("enc-sqlite"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "create table notes(id integer primary key, body text); insert into notes(body) values ('sqlite-note-a'), ('sqlite-note-b');");
        Assert.That((await Run([.. WithKey, ("BT_VERIFY", "restore")], "backup", "--target", db.Name)).Code, Is.EqualTo(0));
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(manifest.Verification, Is.EqualTo("restore"));
        AssertUnreadable(file, "sqlite-note-a", "SQLite format");

        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "delete from notes;");
        Assert.That((await Run(WithKey, "verify", "--all")).Code, Is.EqualTo(0));
        Assert.That((await Run(WithKey, "restore", "latest", "--target", db.Name, "--yes")).Code, Is.EqualTo(0));
        Assert.That(await DatabaseContainers.SqliteAsync(db, "/data/app.db", "select group_concat(body) from notes;"), Is.EqualTo("sqlite-note-a,sqlite-note-b"));
    }

    private static byte[] Flip(byte[] bytes, int offset)
    {
        bytes[offset] ^= 0x20;
        return bytes;
    }

    private static byte[] Swap(byte[] bytes, int a, int b)
    {
        var size = EncryptedLayout.SegmentSize(bytes);
        var (x, y) = (EncryptedLayout.SegmentOffset(bytes, a), EncryptedLayout.SegmentOffset(bytes, b));
        var copy = bytes[x..(x + size)];
        bytes.AsSpan(y, size).CopyTo(bytes.AsSpan(x));
        copy.CopyTo(bytes.AsSpan(y));
        return bytes;
    }
}
