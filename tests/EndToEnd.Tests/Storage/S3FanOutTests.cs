using System.Security.Cryptography;
using System.Text.Json;
using Baktainer.Abstractions.Storage;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Storage;

/// <summary>
/// Real databases backed up to local storage and a real S3-protocol server (s3rver) at once, set up
/// the way a user would without a JSON file (BT_S3_*): both copies, restore from either, an S3
/// outage in the middle of an upload, and bad S3 settings reported before any backup.
/// </summary>
[Category("Docker")]
public sealed class S3FanOutTests : S3EndToEndTest
{
    private const string Password = "s3-Secret-7";
    private const string PgChecksum = "select count(*) || ':' || md5(string_agg(id || '|' || name, ',' order by id)) from items";
    private async Task<TestContainer> SeededPostgres(int rows)
    {
        var db = Track(await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName("s3-pg"), Password, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "orders", ["baktainer.db.password_env"] = "POSTGRES_PASSWORD",
        }));
        await DatabaseContainers.PsqlAsync(db, Password, "postgres", "create database orders");
        await DatabaseContainers.PsqlAsync(db, Password, "orders", $"create table items(id int primary key, name text); insert into items select g, md5(g::text) || md5((g * 7)::text) from generate_series(1, {rows}) g");
        return db;
    }

    /// <summary>Both copies hold the same bytes as the manifest says; returns the manifest.</summary>
    private async Task<BackupManifest> BothCopiesIdentical()
    {
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(await S3.ListKeysAsync(), Is.EquivalentTo(new[] { "prod/" + manifest.Key, "prod/" + manifest.Key + ".json" }));
        var s3Bytes = await S3.GetAsync("prod/" + manifest.Key);
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(s3Bytes)), Is.EqualTo(manifest.Sha256), "the S3 copy has the local copy's SHA-256");
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), Is.EqualTo(manifest.Sha256));
        Assert.That(manifest.Copies, Is.EqualTo(new[] { "local", "s3" }));
        Assert.That(manifest.MissingCopies, Is.Null);
        return manifest;
    }

    [Test]
    public async Task Postgres_BackupToLocalAndS3_IdenticalCopiesEachRestorable()
    {
        var db = await SeededPostgres(3000);
        var expected = await DatabaseContainers.PsqlAsync(db, Password, "orders", PgChecksum);
        Assert.That((await Run("backup", "--target", db.Name)).Code, Is.EqualTo(0));
        await BothCopiesIdentical();

        var listed = await Run("backups", "--json");
        using (var json = JsonDocument.Parse(listed.Out))
        {
            Assert.That(json.RootElement.GetArrayLength(), Is.EqualTo(1), "one backup, listed once");
            Assert.That(json.RootElement[0].GetProperty("storages").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "local", "s3" }));
        }
        var verified = await Run("verify", "--all");
        Assert.That(verified.Code, Is.EqualTo(0));
        Assert.That(verified.Out, Does.Contain("OK      local:").And.Contain("OK      s3:").And.Contain("2 of 2"));

        await DatabaseContainers.PsqlAsync(db, Password, "orders", "delete from items where id > 10");
        var fromS3 = await Run("restore", "latest", "--target", db.Name, "--yes", "--storage", "s3");
        Assert.That(fromS3.Code, Is.EqualTo(0));
        Assert.That(fromS3.Out, Does.Contain("restored s3:"));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "orders", PgChecksum), Is.EqualTo(expected));

        await DatabaseContainers.PsqlAsync(db, Password, "orders", "delete from items");
        var fromLocal = await Run("restore", "latest", "--target", db.Name, "--yes", "--storage", "local");
        Assert.That(fromLocal.Out, Does.Contain("restored local:"));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "orders", PgChecksum), Is.EqualTo(expected));
    }

    [Test]
    public async Task MariaDb_BackupToLocalAndS3_RestoreFromS3BringsRowsBack()
    {
        var db = Track(await DatabaseContainers.StartMariaDbAsync(TestContainer.UniqueName("s3-maria"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "mariadb", ["baktainer.db.name"] = "shop",
        }));
        await DatabaseContainers.MariaAsync(db, "create database shop");
        await DatabaseContainers.MariaAsync(db, "create table items(id int primary key, name varchar(50)); insert into items select seq, concat('row ', seq) from seq_1_to_2500", "shop");
        const string checksum = "select concat(count(*), ':', md5(group_concat(id, name order by id))) from items";
        var expected = await DatabaseContainers.MariaAsync(db, checksum, "shop");

        Assert.That((await Run("backup", "--target", db.Name)).Code, Is.EqualTo(0));
        await BothCopiesIdentical();
        await DatabaseContainers.MariaAsync(db, "delete from items where id > 5", "shop");

        var restored = await Run("restore", "latest", "--target", db.Name, "--yes", "--storage", "s3");
        Assert.That(restored.Code, Is.EqualTo(0));
        Assert.That(await DatabaseContainers.MariaAsync(db, checksum, "shop"), Is.EqualTo(expected));
    }

    [Test]
    public async Task Backup_S3StoppedMidUpload_FailsNamingS3LocalCopyKeptAndMarkedNothingInBucket()
    {
        var db = await SeededPostgres(1_500_000); // about 100 MB of dump, uncompressed: 20 parts of 5 MiB
        var backup = Run([("BT_COMPRESS", "false")], "backup", "--target", db.Name);
        for (var i = 0; i < 600 && !backup.IsCompleted; i++)
        {
            if (Backups.AllFiles().Any(f => f.EndsWith(".partial") && new FileInfo(Path.Combine(Backups.Path, f)).Length > 12 << 20)) break;
            await Task.Delay(25);
        }
        Assert.That(backup.IsCompleted, Is.False, "the upload was still running when s3rver was stopped");
        S3.Kill();
        var result = await backup;

        Assert.That(result.Code, Is.EqualTo(1));
        Assert.That(result.Out + result.Error, Does.Contain("storage 's3' failed").And.Contain("s3 storage 's3'").And.Contain("kept in local"));
        var (_, manifest) = Backups.SingleBackup();
        Assert.That(manifest.MissingCopies!.Keys, Is.EqualTo(new[] { "s3" }), "the local copy says which copy is missing");
        await S3.RestartAsync();
        Assert.That(await S3.ListKeysAsync(), Is.Empty, "no object of the failed upload is visible");
    }

    [Test]
    public async Task Validate_BadS3Settings_EachReportedBeforeAnyBackup()
    {
        var wrongKey = await RunWith(S3Variables(key: "NOBODY"), ["validate"]);
        Assert.That(wrongKey.Code, Is.EqualTo(2));
        Assert.That(wrongKey.Error, Does.Contain("s3 storage 's3'").And.Contain("credentials were rejected").And.Not.Contain(S3rver.SecretKey + "\n"));

        var noBucket = await RunWith(S3Variables(bucket: "missing-bucket"), ["validate"]);
        Assert.That((noBucket.Code, noBucket.Error.Contains("bucket 'missing-bucket' does not exist")), Is.EqualTo((2, true)));

        var unreachable = await RunWith(S3Variables(endpoint: $"http://127.0.0.1:{S3rver.FreePort()}"), ["validate"]);
        Assert.That((unreachable.Code, unreachable.Error.Contains("endpoint unreachable")), Is.EqualTo((2, true)));

        Assert.That(Backups.AllFiles(), Is.Empty, "validate writes nothing");
        Assert.That((await Run("validate")).Code, Is.EqualTo(0), "good settings validate");
    }

    [Test]
    public async Task Backup_MissingBucket_FailsNamingTheStorageEntryLocalCopyMarked()
    {
        var db = await SeededPostgres(100);
        var result = await RunWith(S3Variables(bucket: "missing-bucket"), ["backup", "--target", db.Name]);

        Assert.That(result.Code, Is.EqualTo(1));
        Assert.That(result.Out + result.Error, Does.Contain("storage 's3' failed: s3 storage 's3'").And.Contain("does not exist"));
        Assert.That(Backups.SingleBackup().Manifest.MissingCopies!.Keys, Is.EqualTo(new[] { "s3" }));
    }
}
