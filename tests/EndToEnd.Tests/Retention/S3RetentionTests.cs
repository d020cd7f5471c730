using System.Text.Json;
using Baktainer.Abstractions.Storage;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using EndToEnd.Tests.Storage;

namespace EndToEnd.Tests.Retention;

/// <summary>
/// Retention in a real S3-protocol server (s3rver): the s3 entry's own rules (BT_S3_RETENTION_*)
/// delete exactly the backups they say, each object with its manifest, and nothing else; with
/// fan-out, local storage keeps its count and S3 its own.
/// </summary>
[Category("Docker")]
public sealed class S3RetentionTests : S3EndToEndTest
{
    /// <summary>A committed backup as Baktainer writes it to S3: the data object and its manifest object.</summary>
    private async Task<string> PutBackupAsync(string target, DateTimeOffset started, bool verified = false, string prefix = "prod/")
    {
        var data = System.Text.Encoding.UTF8.GetBytes($"dump of {target} at {started:O}");
        var key = $"{started:yyyy-MM-dd}/{target}-{started.ToUnixTimeSeconds()}.sql";
        var manifest = new BackupManifest
        {
            Id = $"{target}-{started.ToUnixTimeSeconds()}", Target = target, Engine = "sqlite", Key = key, StartedUtc = started, FinishedUtc = started.AddSeconds(2),
            RawSize = data.Length, StoredSize = data.Length, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data)),
            Compression = "none", Verification = verified ? "checksum" : "none",
        };
        await S3.PutAsync(prefix + key, data);
        await S3.PutAsync(prefix + key + ".json", ManifestJson.Serialize(manifest));
        return prefix + key;
    }

    [Test]
    public async Task Prune_S3EntryRules_DeletesExactlyThoseObjectsWithTheirManifestsAndNothingElse()
    {
        var now = DateTimeOffset.UtcNow;
        var orders = new List<string>();
        for (var day = 0; day < 6; day++) orders.Add(await PutBackupAsync("orders", now.AddDays(-day).AddHours(-1), verified: day == 4));
        var billing = new[] { await PutBackupAsync("billing", now.AddDays(-8)), await PutBackupAsync("billing", now.AddDays(-9)) };
        var otherPrefix = await PutBackupAsync("orders", now.AddDays(-30), prefix: "elsewhere/");
        await S3.PutAsync("prod/notes.txt", "not a backup"u8.ToArray());
        await S3.PutAsync("prod/2020-01-01/orders-1577836800.sql", "data without a manifest"u8.ToArray());
        var before = await S3.ListKeysAsync();
        // Global count 1 and a label-free target: the s3 entry's count 2 replaces it in S3.
        (string, string)[] policy = [("BT_RETENTION_COUNT", "1"), ("BT_S3_RETENTION_COUNT", "2")];

        var dry = await Run(policy, "prune", "--dry-run", "--json");
        Assert.That(dry.Code, Is.EqualTo(0));
        Assert.That(await S3.ListKeysAsync(), Is.EquivalentTo(before), "a dry run deletes nothing");
        using (var json = JsonDocument.Parse(dry.Out))
        {
            var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
            Assert.That(rows, Has.All.Matches<JsonElement>(r => r.GetProperty("storage").GetString() == "s3"), "the table names the storage");
            Assert.That(rows.Where(r => r.GetProperty("action").GetString() == "would delete").Select(r => "prod/" + r.GetProperty("key").GetString()),
                Is.EquivalentTo(new[] { orders[2], orders[3], orders[5] }));
        }

        var (code, output, _) = await Run(policy, "prune");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("newest 2").And.Contain("newest verified backup (always kept)"));
        var deleted = new[] { orders[2], orders[3], orders[5] }.SelectMany(k => new[] { k, k + ".json" }).ToList();
        Assert.That(await S3.ListKeysAsync(), Is.EquivalentTo(before.Except(deleted)),
            "exactly the backups the rules let go, each with its manifest; the newest two, the newest verified one, the other target, the other prefix and files without a manifest stay");
        Assert.That(await S3.ListKeysAsync(), Does.Contain(otherPrefix).And.Contain(billing[1]).And.Contain("prod/notes.txt").And.Contain("prod/2020-01-01/orders-1577836800.sql"));
    }

    [Test]
    public async Task Backup_FanOutLocalKeeps1S3Keeps2_EachStorageKeepsItsOwnCount()
    {
        var db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("s3-retention"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "create table t(x); insert into t values (1);");
        var keys = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            if (i > 0) await Task.Delay(1100); // keys hold the second
            Assert.That((await Run([("BT_RETENTION_COUNT", "1"), ("BT_S3_RETENTION_COUNT", "2")], "backup", "--target", db.Name)).Code, Is.EqualTo(0));
            keys.Add(Backups.AllFiles().Where(f => f.EndsWith(".json")).Order().Last()[..^".json".Length]);
        }

        Assert.That(Backups.AllFiles().Where(f => !f.StartsWith('.')), Is.EquivalentTo(new[] { keys[2], keys[2] + ".json" }), "local keeps its newest 1");
        Assert.That(await S3.ListKeysAsync(), Is.EquivalentTo(keys.Skip(1).SelectMany(k => new[] { "prod/" + k, "prod/" + k + ".json" })), "S3 keeps its newest 2");
    }
}
