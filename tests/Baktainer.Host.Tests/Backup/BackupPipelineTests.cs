using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Notifications;
using Baktainer.Host.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Tests.Backup;

/// <summary>The pipeline's promises, without Docker: what each way of ending leaves behind and reports.</summary>
public sealed class BackupPipelineTests
{
    [Test]
    public async Task RunAsync_GoodDump_CommittedWithManifestMatchingBytes()
    {
        var harness = new PipelineHarness();

        var outcome = await harness.RunAsync(harness.Target());

        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        var (key, (data, manifest)) = harness.Storage.Committed.Single();
        Assert.That(manifest.Key, Is.EqualTo(key));
        Assert.That(manifest.StoredSize, Is.EqualTo(data.Length));
        Assert.That(manifest.Sha256, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data))));
        Assert.That(manifest.RawSize, Is.EqualTo(harness.Strategy.Dump.Length));
        Assert.That(harness.Storage.OpenUploads, Is.Zero);
    }

    [Test]
    public async Task RunAsync_DumpFails_NothingCommittedUploadAbortedErrorReported()
    {
        var harness = new PipelineHarness();
        harness.Strategy.FailWith = new BackupFailedException("app: scripted failed with exit code 2: access denied");

        var outcome = await harness.RunAsync(harness.Target());

        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(outcome.Error, Is.EqualTo("app: scripted failed with exit code 2: access denied"));
        Assert.That(harness.Storage.Committed, Is.Empty);
        Assert.That(harness.Storage.Aborted, Is.EqualTo(1));
        Assert.That(harness.Storage.OpenUploads, Is.Zero);
    }

    [Test]
    public async Task RunAsync_DumpWithoutCompletionMarker_NothingCommitted()
    {
        var harness = new PipelineHarness();
        harness.Strategy.Dump = "create table t(x);\ninsert into t values (1";

        var outcome = await harness.RunAsync(harness.Target());

        Assert.That(outcome.Error, Does.Contain("does not end with").And.Contain(ScriptedStrategy.Marker));
        Assert.That(harness.Storage.Committed, Is.Empty);
    }

    [Test]
    public async Task RunAsync_CommitFails_NothingCommittedFailureReported()
    {
        var harness = new PipelineHarness();
        harness.Storage.FailCommit = true;

        var outcome = await harness.RunAsync(harness.Target());

        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(outcome.Error, Does.Contain("disk full"));
        Assert.That(harness.Storage.Committed, Is.Empty);
        Assert.That(harness.Storage.Aborted, Is.EqualTo(1));
    }

    [Test]
    public async Task RunAsync_Cancelled_ThrowsLeavesNothing()
    {
        var harness = new PipelineHarness();
        harness.Strategy.Hang = true;
        using var cancel = new CancellationTokenSource();

        var run = harness.RunAsync(harness.Target(), cancel.Token);
        await harness.Strategy.Written.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        Assert.That(async () => await run, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(harness.Storage.Committed, Is.Empty);
        Assert.That(harness.Storage.OpenUploads, Is.Zero, "the upload was aborted");
    }

    [TestCase(typeof(InvalidOperationException))]
    [TestCase(typeof(NullReferenceException))]
    [TestCase(typeof(TaskCanceledException))]
    public async Task RunAsync_NotifierThrowsAnything_BackupStillSucceedsOtherNotifiersStillTold(Type exceptionType)
    {
        var broken = new ThrowingNotifier((Exception)Activator.CreateInstance(exceptionType, "notifier bug")!);
        var collector = new CollectingNotifier();
        var harness = new PipelineHarness("none", broken, collector);

        var outcome = await harness.RunAsync(harness.Target());

        Assert.That(outcome.Succeeded, Is.True, "a notifier never changes a backup's result");
        Assert.That(harness.Storage.Committed, Has.Count.EqualTo(1));
        Assert.That(collector.Events.Select(e => e.Kind), Has.Member(BackupEventKind.Succeeded));
        Assert.That(broken.Calls, Is.EqualTo(collector.Events.Count), "the broken notifier was tried for every event the other one heard");
        Assert.That(harness.Logs.Exceptions.Select(e => e.Exception.GetType()), Has.Member(exceptionType), "logged with the exception");
        Assert.That(harness.Logs.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message), Has.Some.Contains("broken").And.Contains("notifier bug"));
    }

    [Test]
    public async Task RunAsync_VerifyChecksum_ManifestRecordsCheck()
    {
        var harness = new PipelineHarness("checksum");

        var outcome = await harness.RunAsync(harness.Target());

        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        Assert.That(harness.Storage.Committed.Single().Value.Manifest.Verification, Is.EqualTo("checksum"));
    }

    [Test]
    public async Task RunAsync_SecondStorageFailsWriting_FailedNamingItFirstCopyKeptAndMarked()
    {
        var offsite = new MemoryStorage("offsite") { FailWrite = true };
        var collector = new CollectingNotifier();
        var harness = new PipelineHarness("none", offsite, collector);

        var outcome = await harness.RunAsync(harness.Target());

        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(outcome.Error, Does.Contain("storage 'offsite' failed").And.Contain("kept in memory"));
        var kept = harness.Storage.Committed.Single().Value.Manifest;
        Assert.That(kept.Copies, Is.EqualTo(new[] { "memory", "offsite" }));
        Assert.That(kept.MissingCopies!.Keys, Is.EqualTo(new[] { "offsite" }));
        Assert.That(offsite.Committed, Is.Empty);
        Assert.That((harness.Storage.OpenUploads, offsite.OpenUploads), Is.EqualTo((0, 0)));
        var failed = collector.Events.Single(e => e.Kind == BackupEventKind.Failed);
        Assert.That(failed.Message, Does.Contain("copy missing in offsite; kept in memory"));
        Assert.That(failed.Manifest?.MissingCopies, Is.Not.Null);
        Assert.That(collector.Events.Select(e => e.Kind), Has.No.Member(BackupEventKind.Succeeded));
    }

    [Test]
    public async Task RunAsync_SecondStorageFailsCommit_FirstCopysManifestUpdatedToSayWhichIsMissing()
    {
        var offsite = new MemoryStorage("offsite") { FailCommit = true };
        var harness = new PipelineHarness("none", offsite);

        var outcome = await harness.RunAsync(harness.Target());

        Assert.That(outcome.Error, Does.Contain("storage 'offsite' failed: disk full"));
        Assert.That(harness.Storage.Committed.Single().Value.Manifest.MissingCopies!["offsite"], Does.Contain("disk full"));
        Assert.That(offsite.Aborted, Is.EqualTo(1));
    }

    [Test]
    public async Task RunAsync_TwoHealthyStorages_IdenticalCopiesBothSucceed()
    {
        var offsite = new MemoryStorage("offsite");
        var harness = new PipelineHarness("checksum", offsite);

        var outcome = await harness.RunAsync(harness.Target());

        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        var (a, b) = (harness.Storage.Committed.Single().Value, offsite.Committed.Single().Value);
        Assert.That(a.Data, Is.EqualTo(b.Data));
        Assert.That((a.Manifest.Verification, b.Manifest.Verification, a.Manifest.MissingCopies), Is.EqualTo(("checksum", "checksum", (IReadOnlyDictionary<string, string>?)null)));
    }
}
