using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Retention;
using Baktainer.Host.Tests.Support;

namespace Baktainer.Host.Tests.Retention;

/// <summary>
/// Retention per storage entry ("keep 7 locally, 90 off-site"): a storage with its own rules is
/// pruned by them, the others by the global and label policy, and the safety rules hold in each.
/// </summary>
public sealed class PerStorageRetentionTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static PipelineHarness Harness(MemoryStorage offsite, RetentionPolicy offsitePolicy, int globalCount) =>
        new(s => s with
        {
            RetentionCount = globalCount,
            StorageRetention = new Dictionary<string, StorageRetention>(StringComparer.OrdinalIgnoreCase) { [offsite.Name] = new(offsitePolicy, null) },
        }, "none", offsite);

    /// <summary>The same ten daily backups of "app" (newest first: day 0 .. day 9) in both storages; the one of <paramref name="verifiedDay"/> passed verification.</summary>
    private static List<string> SeedTenDays(int verifiedDay = -1, params MemoryStorage[] storages)
    {
        var keys = new List<string>();
        for (var day = 0; day < 10; day++)
        {
            var started = Now.AddDays(-day).AddMinutes(-5);
            var key = $"{started:yyyy-MM-dd}/app-{started.ToUnixTimeSeconds()}.sql.gz";
            var manifest = new BackupManifest
            {
                Id = $"app-{day}", Target = "app", Engine = "scripted", Key = key, StartedUtc = started, FinishedUtc = started.AddSeconds(3),
                StoredSize = 3, Sha256 = new string('0', 64), Verification = day == verifiedDay ? "checksum" : "none",
            };
            foreach (var storage in storages) storage.Seed(key, [1, 2, 3], manifest);
            keys.Add(key);
        }
        return keys;
    }

    [Test]
    public async Task PruneAsync_OffsiteEntryKeeps5GlobalKeeps2_EachStorageByItsOwnPolicy()
    {
        var offsite = new MemoryStorage("offsite");
        var harness = Harness(offsite, new RetentionPolicy(0, 5, new Dictionary<string, int>()), globalCount: 2);
        var keys = SeedTenDays(-1, harness.Storage, offsite);

        var report = await harness.Prune.PruneAsync([], new Dictionary<string, TargetSettings>(), dryRun: false, CancellationToken.None);

        Assert.That(harness.Storage.Committed.Keys, Is.EquivalentTo(keys.Take(2)));
        Assert.That(offsite.Committed.Keys, Is.EquivalentTo(keys.Take(5)));
        Assert.That(report.Rows.Where(r => r.Storage == "offsite" && r.Action == "keep").Select(r => r.Reason), Has.All.Contains("newest 5"));
        Assert.That(report.Rows.Count(r => r.Storage == "memory" && r.Action == "delete"), Is.EqualTo(8));
        Assert.That(report.Rows.Count(r => r.Storage == "offsite" && r.Action == "delete"), Is.EqualTo(5));
    }

    [Test]
    public async Task PruneAsync_LabelPolicy_AppliesOnlyWhereTheEntrySetsNoRules()
    {
        var offsite = new MemoryStorage("offsite");
        var harness = Harness(offsite, new RetentionPolicy(0, 4, new Dictionary<string, int>()), globalCount: 2);
        var keys = SeedTenDays(-1, harness.Storage, offsite);
        var labels = new Dictionary<string, TargetSettings>(StringComparer.OrdinalIgnoreCase) { ["app"] = new() { RetentionCount = 3 } };

        await harness.Prune.PruneAsync(["app"], labels, dryRun: false, CancellationToken.None);

        Assert.That(harness.Storage.Committed.Keys, Is.EquivalentTo(keys.Take(3)), "the label's count 3 replaces the global 2 in storage without its own rules");
        Assert.That(offsite.Committed.Keys, Is.EquivalentTo(keys.Take(4)), "the entry's count 4 wins over the label there");
    }

    [Test]
    public async Task PruneAsync_EntryKeepsOneDay_NewestVerifiedStillKeptInThatStorage()
    {
        var offsite = new MemoryStorage("offsite");
        var harness = Harness(offsite, new RetentionPolicy(1, 0, new Dictionary<string, int>()), globalCount: 0);
        var keys = SeedTenDays(6, harness.Storage, offsite);

        var dry = await harness.Prune.PruneAsync([], new Dictionary<string, TargetSettings>(), dryRun: true, CancellationToken.None);
        Assert.That(offsite.Committed, Has.Count.EqualTo(10), "a dry run deletes nothing");
        Assert.That(dry.Rows.Count(r => r.Action == "would delete"), Is.EqualTo(8));

        await harness.Prune.PruneAsync([], new Dictionary<string, TargetSettings>(), dryRun: false, CancellationToken.None);
        Assert.That(offsite.Committed.Keys, Is.EquivalentTo(new[] { keys[0], keys[6] }), "within 1 day, and the newest verified backup (day 6)");
        Assert.That(harness.Storage.Committed, Has.Count.EqualTo(10), "no global rule: the other storage keeps everything");
    }
}
