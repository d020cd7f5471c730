using Baktainer.Abstractions.Notifications;
using Baktainer.Host.Tests.Support;

namespace Baktainer.Host.Tests.Retention;

/// <summary>Pruning after a backup, through the real pipeline with memory storage and a collecting notifier.</summary>
public sealed class TargetPrunerTests
{
    [Test]
    public async Task RunAsync_RetentionCount1_SecondBackupPrunesFirstAndNotifies()
    {
        var notifier = new CollectingNotifier();
        var harness = new PipelineHarness(s => s with { RetentionCount = 1 }, "none", null, notifier);
        var target = harness.Target();
        Assert.That((await harness.RunAsync(target)).Succeeded);
        var first = harness.Storage.Committed.Keys.Single();
        await Task.Delay(1100); // keys hold the second the backup started
        Assert.That((await harness.RunAsync(target)).Succeeded);

        Assert.That(harness.Storage.Committed.Keys, Has.Count.EqualTo(1).And.Not.Contain(first));
        var pruned = notifier.Events.Single(e => e.Kind == BackupEventKind.Pruned);
        Assert.That(pruned.Target, Is.EqualTo("app"));
        Assert.That(pruned.Message, Does.Contain("removed 1 old backup(s)").And.Contain(first));
    }

    [Test]
    public async Task RunAsync_BackupFails_NothingPrunedNoPrunedEvent()
    {
        var notifier = new CollectingNotifier();
        var harness = new PipelineHarness(s => s with { RetentionCount = 1 }, "none", null, notifier);
        var target = harness.Target();
        Assert.That((await harness.RunAsync(target)).Succeeded);
        await Task.Delay(1100);
        harness.Strategy.FailWith = new Baktainer.Abstractions.BaktainerException("the dump tool failed");
        Assert.That((await harness.RunAsync(target)).Succeeded, Is.False);
        Assert.That(harness.Storage.Committed, Has.Count.EqualTo(1));
        Assert.That(notifier.Events.Any(e => e.Kind == BackupEventKind.Pruned), Is.False);
    }
}
