using System.Security.Cryptography;
using Baktainer.Abstractions.Storage;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Storage;

/// <summary>
/// Two backups of one target started in the same second by two processes, to local storage and a
/// real S3-protocol server (s3rver) at once: the suffix is chosen once per backup, so both storages
/// hold the same two distinct keys, and each backup restores.
/// </summary>
[Category("Docker")]
public sealed class S3SameSecondTests : S3EndToEndTest
{
    private List<BackupManifest> LocalManifests() =>
        Backups.AllFiles().Where(f => f.EndsWith(".json")).Select(f => ManifestJson.TryParse(File.ReadAllBytes(Path.Combine(Backups.Path, f)))!).ToList();

    /// <summary>Starts two backups at the same instant (<c>--at</c>) until a pair began in the same second; returns that pair.</summary>
    private async Task<List<BackupManifest>?> TwoInOneSecondAsync(string target)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = DateTimeOffset.UtcNow;
            var at = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(4).AddMilliseconds(50);
            var runs = await Task.WhenAll(Run("backup", "--target", target, "--at", at.ToString("O")), Run("backup", "--target", target, "--at", at.ToString("O")));
            Assert.That(runs.Select(r => r.Code), Is.All.EqualTo(0));
            var pair = LocalManifests().GroupBy(m => m.StartedUtc.ToUnixTimeSeconds()).FirstOrDefault(g => g.Count() == 2);
            if (pair is not null) return pair.OrderBy(m => m.Key.Length).ToList();
        }
        return null;
    }

    [Test]
    public async Task Backup_TwoInOneSecondToLocalAndS3_SameDistinctKeysInBothAndEachRestores()
    {
        var db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("s3-same-second"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "create table t(x); insert into t select value from generate_series(1, 500);");

        var pair = await TwoInOneSecondAsync(db.Name);

        Assert.That(pair, Is.Not.Null, "two backups started in the same second (3 tries)");
        var (first, second) = (pair![0], pair[1]);
        Assert.That(second.Key, Is.EqualTo(BackupKeySuffix.Add(first.Key, 2)), "the second backup of that second is numbered -2");
        foreach (var manifest in pair)
        {
            Assert.That(File.Exists(Path.Combine(Backups.Path, manifest.Key)), $"local holds {manifest.Key}");
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(await S3.GetAsync("prod/" + manifest.Key))), Is.EqualTo(manifest.Sha256), $"S3 holds {manifest.Key} with the same bytes");
            Assert.That(manifest.Copies, Is.EqualTo(new[] { "local", "s3" }));
            Assert.That(manifest.MissingCopies, Is.Null);
        }
        Assert.That(await S3.ListKeysAsync(), Is.EquivalentTo(pair.SelectMany(m => new[] { "prod/" + m.Key, "prod/" + m.Key + ".json" })), "S3 holds exactly the two backups");
        Assert.That((await Run("verify", "--all")).Code, Is.EqualTo(0), "every copy of both backups verifies");

        foreach (var (manifest, storage) in new[] { (first, "s3"), (second, "s3"), (second, "local") })
        {
            await DatabaseContainers.SqliteAsync(db, "/data/app.db", "delete from t;");
            var restored = await Run("restore", manifest.Id, "--target", db.Name, "--yes", "--storage", storage);
            Assert.That(restored.Code, Is.EqualTo(0), $"{manifest.Key} restores from {storage}");
            Assert.That(await DatabaseContainers.SqliteAsync(db, "/data/app.db", "select count(*) from t;"), Is.EqualTo("500"));
        }
    }
}
