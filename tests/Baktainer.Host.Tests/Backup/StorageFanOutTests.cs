using Baktainer.Abstractions.Storage;
using Baktainer.Host.Backup;
using Baktainer.Host.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baktainer.Host.Tests.Backup;

/// <summary>One key for every copy: the suffix for backups of one name in the same second is chosen once, before any upload.</summary>
public sealed class StorageFanOutTests
{
    private const string Key = "2026-11-22/app-1763800000.sql.gz";

    private static BackupManifest Manifest(string key) => new() { Id = "app-1", Target = "app", Engine = "scripted", Key = key, Sha256 = new string('0', 64) };

    [Test]
    public async Task BeginAsync_KeyTakenInSecondStorageOnly_EveryCopyGetsTheSameSuffix()
    {
        var (local, offsite) = (new MemoryStorage("local"), new MemoryStorage("offsite"));
        offsite.Seed(Key, [1], Manifest(Key));
        offsite.Seed("2026-11-22/app-1763800000-2.sql.gz", [2], Manifest(Key));
        await using var fanOut = new StorageFanOut([local, offsite], NullLogger.Instance);

        await fanOut.BeginAsync(Key, CancellationToken.None);

        Assert.That(fanOut.Key, Is.EqualTo("2026-11-22/app-1763800000-3.sql.gz"), "the first key no storage holds");
        Assert.That(fanOut.Copies.Select(c => c.Upload!.Key), Is.All.EqualTo(fanOut.Key));
    }

    [Test]
    public async Task BeginAsync_StorageTakesKeyMeanwhile_AllUploadsAbortedAndNextKeyForEvery()
    {
        var (local, offsite) = (new MemoryStorage("local"), new MemoryStorage("offsite"));
        offsite.TakenMeanwhile.Add(Key);
        await using (var fanOut = new StorageFanOut([local, offsite], NullLogger.Instance))
        {
            await fanOut.BeginAsync(Key, CancellationToken.None);
            Assert.That(fanOut.Key, Is.EqualTo("2026-11-22/app-1763800000-2.sql.gz"));
            Assert.That(fanOut.Copies.Select(c => c.Upload!.Key), Is.All.EqualTo(fanOut.Key));
            Assert.That((local.Aborted, offsite.Aborted), Is.EqualTo((1, 1)), "the first attempt's uploads were aborted");
            Assert.That((local.OpenUploads, offsite.OpenUploads), Is.EqualTo((1, 1)));
            await fanOut.CommitAsync(Manifest(fanOut.Key), CancellationToken.None);
        }
        Assert.That(local.Committed.Keys.Concat(offsite.Committed.Keys), Is.All.EqualTo("2026-11-22/app-1763800000-2.sql.gz"));
    }

    [Test]
    public async Task BeginAsync_OneStorage_KeepsTheKeyItChose()
    {
        var only = new MemoryStorage("local");
        only.TakenMeanwhile.Add(Key);
        await using var fanOut = new StorageFanOut([only], NullLogger.Instance);
        await fanOut.BeginAsync(Key, CancellationToken.None);
        Assert.That(fanOut.Key, Is.EqualTo(Key + "-mine"));
        Assert.That(only.Aborted, Is.Zero);
    }
}
