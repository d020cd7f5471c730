using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Legacy;

/// <summary>
/// A backup folder in the original (Ruby) tool's layout — <c>&lt;date&gt;/&lt;name&gt;-&lt;unix seconds&gt;.sql[.gz]</c>
/// with <c>.meta</c> sidecars, made here from real pg_dump output — listed, verified, restored into a
/// real PostgreSQL and pruned, with nothing rewritten.
/// </summary>
[Category("Docker")]
public sealed class LegacyBackupTests : EndToEndTest
{
    private const string Password = "legacy-Secret-2";
    private const string Checksum = "select count(*) || ':' || md5(string_agg(id || '|' || v, ',' order by id)) from t";

    private async Task<string> WriteLegacy(TestContainer db, DateTimeOffset taken, bool gzip)
    {
        var dump = Encoding.UTF8.GetBytes(await DockerCli.CheckAsync("exec", "-e", "PGPASSWORD=" + Password, db.Name, "pg_dump", "-h", "/tmp", "-U", "postgres", "app") + "\n");
        var folder = Path.Combine(Backups.Path, taken.UtcDateTime.ToString("yyyy-MM-dd"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{db.Name}-{taken.ToUnixTimeSeconds()}.sql{(gzip ? ".gz" : "")}");
        if (gzip)
        {
            using var output = new GZipStream(File.Create(file), CompressionLevel.Optimal);
            output.Write(dump);
        }
        else
        {
            await File.WriteAllBytesAsync(file, dump);
        }
        var bytes = await File.ReadAllBytesAsync(file);
        var meta = new
        {
            timestamp = taken.ToString("yyyy-MM-ddTHH:mm:sszzz"), container_name = db.Name, engine = "postgres", database = "app",
            file_size = bytes.Length, checksum = Convert.ToHexStringLower(SHA256.HashData(bytes)), backup_file = Path.GetFileName(file),
            compressed = gzip, compression_type = gzip ? "gzip" : null,
        };
        await File.WriteAllTextAsync(file + ".meta", JsonSerializer.Serialize(meta));
        return file;
    }

    [Test]
    public async Task LegacyFolder_ListedVerifiedRestoredAndPruned_NothingRewritten()
    {
        var db = Track(await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName("legacy-pg"), Password, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "app", ["baktainer.db.password_env"] = "POSTGRES_PASSWORD",
        }));
        await DatabaseContainers.PsqlAsync(db, Password, "postgres", "create database app");
        await DatabaseContainers.PsqlAsync(db, Password, "app", "create table t as select g as id, md5(g::text) as v from generate_series(1, 3000) g");
        var now = DateTimeOffset.UtcNow;
        var oldest = await WriteLegacy(db, now.AddDays(-3), gzip: false);
        var middle = await WriteLegacy(db, now.AddDays(-2), gzip: true);
        var expected = await DatabaseContainers.PsqlAsync(db, Password, "app", Checksum);
        await DatabaseContainers.PsqlAsync(db, Password, "app", "insert into t values (999999, 'newer')");
        var newest = await WriteLegacy(db, now.AddDays(-1), gzip: true);
        var before = Backups.AllFiles();

        var list = await Baktainer("backups", "--target", db.Name);
        Assert.That(list.Code, Is.EqualTo(0));
        Assert.That(list.Out.Split('\n').Count(l => l.Contains("legacy (original tool)")), Is.EqualTo(3));
        Assert.That(list.Out, Does.Not.Contain(".meta"));

        var verify = await Baktainer("verify", "--all");
        Assert.That(verify.Code, Is.EqualTo(0));
        Assert.That(verify.Out, Does.Contain("3 of 3 backup(s) verified"));

        var damaged = await File.ReadAllBytesAsync(middle);
        damaged[^12] ^= 0x40;
        var copy = middle.Replace(".sql.gz", "0.sql.gz");
        await File.WriteAllBytesAsync(copy, damaged);
        File.Copy(middle + ".meta", copy + ".meta");
        var bad = await Baktainer("verify", "--all");
        Assert.That(bad.Code, Is.EqualTo(1));
        Assert.That(bad.Out, Does.Contain("FAILED").And.Contain(Path.GetFileName(copy)).And.Contain("does not match"));
        File.Delete(copy);
        File.Delete(copy + ".meta");

        await DatabaseContainers.PsqlAsync(db, Password, "app", "delete from t where id > 10");
        var id = $"legacy-{db.Name}-{Path.GetFileName(middle).Split('-')[^1].Split('.')[0]}";
        var restore = await Baktainer("restore", id, "--target", db.Name, "--yes");
        Assert.That(restore.Code, Is.EqualTo(0));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "app", Checksum), Is.EqualTo(expected));
        Assert.That(Backups.AllFiles(), Is.EqualTo(before), "nothing rewritten, no manifest added");

        var prune = await Baktainer("prune");
        Assert.That(prune.Out, Does.Contain("keep everything"));
        Assert.That(Backups.AllFiles(), Is.EqualTo(before));
        var pruned = await global::Baktainer.Tests.Shared.BaktainerProcess.RunAsync(Backups.Environment(("BT_RETENTION_COUNT", "2")), "prune");
        await TestContext.Out.WriteLineAsync(pruned.Out + pruned.Error);
        Assert.That(pruned.Code, Is.EqualTo(0));
        Assert.That(File.Exists(oldest) || File.Exists(oldest + ".meta"), Is.False, "the oldest legacy backup and its .meta went");
        Assert.That(File.Exists(middle) && File.Exists(newest));
    }
}
