using Baktainer.Abstractions;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Notifications;
using Baktainer.Host.Notifications;
using Baktainer.Host.Tests.Support;

namespace Baktainer.Host.Tests.Notifications;

/// <summary>
/// What the pipeline's events do with each notifier's choices: <c>baktainer.notify</c> picks the
/// notifiers, <c>MinFailures</c> counts real failures in a row, and a success after alerted failures
/// is sent as a recovery.
/// </summary>
public sealed class BackupEventsTests
{
    [Test]
    public async Task RunAsync_NotifyLabelNamesOneNotifier_OnlyItHearsThatTarget()
    {
        var ops = new CollectingNotifier("ops");
        var dev = new CollectingNotifier("dev");
        var harness = new PipelineHarness("none", ops, dev);

        await harness.RunAsync(harness.Target("orders", (LabelSchema.Notify, "ops")));
        await harness.RunAsync(harness.Target("billing"));

        Assert.That(ops.Events.Where(e => e.Kind == BackupEventKind.Succeeded).Select(e => e.Target), Is.EquivalentTo(new[] { "orders", "billing" }));
        Assert.That(dev.Events.Select(e => e.Target).Distinct(), Is.EqualTo(new[] { "billing" }), "dev is not named by orders' baktainer.notify");
        Assert.That(dev.Events.Select(e => e.Kind), Does.Contain(BackupEventKind.Succeeded));
    }

    [Test]
    public async Task RunAsync_FourFailuresThenSuccess_AlertedFromThirdThenRecovered()
    {
        var ops = new CollectingNotifier("ops");
        var rule = new NotificationRule(new HashSet<BackupEventKind>(NotificationRule.FailureGroup), MinFailures: 3);
        var harness = new PipelineHarness(s => s with { Operations = s.Operations with { Rules = new Dictionary<string, NotificationRule> { ["ops"] = rule } } },
            "none", null, ops);
        var target = harness.Target();

        harness.Strategy.FailWith = new BaktainerException("disk on fire");
        for (var i = 0; i < 4; i++) Assert.That((await harness.RunAsync(target)).Succeeded, Is.False);
        harness.Strategy.FailWith = null;
        Assert.That((await harness.RunAsync(target)).Succeeded, Is.True);

        var heard = ops.Events.ToList();
        Assert.That(heard.Select(e => (e.Kind, e.ConsecutiveFailures)), Is.EqualTo(new[]
        {
            (BackupEventKind.Failed, 3), (BackupEventKind.Failed, 4), (BackupEventKind.Recovered, 0),
        }), "failures 1 and 2 are below MinFailures; the success after them is a recovery though succeeded is not in Events");
        Assert.That(heard[0].Error, Does.Contain("disk on fire"));
        Assert.That(heard[2].Message, Does.Contain("recovered after 4 failure(s) in a row"));
    }
}
