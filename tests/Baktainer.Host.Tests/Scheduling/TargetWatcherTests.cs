using Baktainer.Tests.Shared;
using Baktainer.Abstractions.Notifications;
using Baktainer.Host.Configuration;
using Baktainer.Host.Daemon;
using Baktainer.Host.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baktainer.Host.Tests.Scheduling;

public sealed class TargetWatcherTests
{
    private static TargetWatcher Compose(ManualTime time, BaktainerSettings settings, FixedProvider provider, ILogger<TargetWatcher> logger) =>
        new DaemonParts(time, settings, provider, logger: logger).Watcher;

    private static async Task<TargetWatcher> Watch(ManualTime time, BaktainerSettings settings, IReadOnlyDictionary<string, DateTimeOffset>? lastBackups, params Dictionary<string, string>[] containers)
    {
        var watcher = Compose(time, settings, new FixedProvider(containers), NullLogger<TargetWatcher>.Instance);
        watcher.LastBackups = lastBackups ?? new Dictionary<string, DateTimeOffset>();
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(stop.Token);
        // Every container known before any assertion: an empty TakeDue must not pass just because discovery had not finished.
        await Eventually.HoldsAsync(() => watcher.Count == containers.Length, TimeSpan.FromSeconds(10), $"the watcher to know all {containers.Length} targets");
        await stop.CancelAsync();
        await run;
        return watcher;
    }

    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task TakeDue_AtScheduledTime_OnceThenNotUntilNextSlot()
    {
        var time = new ManualTime(Start);
        var watcher = await Watch(time, new BaktainerSettings(), null, FixedProvider.Labels("hourly", "0 * * * *"), FixedProvider.Labels("nightly"));

        Assert.That(watcher.TakeDue(Start.AddMinutes(30), _ => false), Is.Empty);
        Assert.That(watcher.TakeDue(Start.AddHours(1), _ => false).Select(t => t.Name), Is.EqualTo(new[] { "hourly" }));
        Assert.That(watcher.TakeDue(Start.AddHours(1).AddSeconds(1), _ => false), Is.Empty, "the slot is taken");
        Assert.That(watcher.TakeDue(Start.AddHours(16), _ => false).Select(t => t.Name), Is.EquivalentTo(new[] { "hourly", "nightly" }), "BT_CRON default 0 0 * * *");
    }

    [Test]
    public async Task TakeDue_PreviousRunStillRunning_NotStacked()
    {
        var time = new ManualTime(Start);
        var watcher = await Watch(time, new BaktainerSettings(), null, FixedProvider.Labels("busy", "*/5 * * * *"));
        Assert.That(watcher.TakeDue(Start.AddMinutes(5), name => name == "busy"), Is.Empty);
        Assert.That(watcher.TakeDue(Start.AddMinutes(6), _ => false), Is.Empty, "the skipped slot is not made up later");
        Assert.That(watcher.TakeDue(Start.AddMinutes(10), _ => false), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CatchUp_MissedWhileDown_OneRunAtStartNotOnePerSlot()
    {
        var time = new ManualTime(Start);
        var last = Start.AddDays(-3); // three nightly slots missed
        var watcher = await Watch(time, new BaktainerSettings(), new Dictionary<string, DateTimeOffset> { ["late"] = last, ["fresh"] = Start.AddHours(-1) },
            FixedProvider.Labels("late"), FixedProvider.Labels("fresh"), FixedProvider.Labels("never"));

        Assert.That(watcher.TakeDue(Start, _ => false).Select(t => t.Name), Is.EqualTo(new[] { "late" }));
        Assert.That(watcher.TakeDue(Start.AddSeconds(1), _ => false), Is.Empty, "one catch-up run, not three");
    }

    [Test]
    public async Task CatchUp_Disabled_NoRunAtStart()
    {
        var time = new ManualTime(Start);
        // Three nightly slots missed: with catch-up on this target would run at start (see above), so only the setting keeps it from running.
        var missed = new Dictionary<string, DateTimeOffset> { ["late"] = Start.AddDays(-3) };
        var watcher = await Watch(time, new BaktainerSettings { CatchUp = false }, missed, FixedProvider.Labels("late"));
        Assert.That(watcher.TakeDue(Start, _ => false), Is.Empty);
        Assert.That(watcher.TakeDue(Start.AddHours(16), _ => false), Has.Count.EqualTo(1), "still scheduled normally");
    }

    [Test]
    public async Task SixFieldLabelWithoutOptIn_NotScheduled()
    {
        var time = new ManualTime(Start);
        var watcher = await Watch(time, new BaktainerSettings(), null, FixedProvider.Labels("seconds", "* * * * * *"));
        Assert.That(watcher.TakeDue(Start.AddDays(2), _ => false), Is.Empty);
        var optedIn = await Watch(time, new BaktainerSettings { CronSeconds = true }, null, FixedProvider.Labels("seconds", "*/10 * * * * *"));
        Assert.That(optedIn.TakeDue(Start.AddSeconds(10), _ => false), Has.Count.EqualTo(1));
    }

    /// <summary>The watcher's own part of "each label problem once": a polling provider hands it the same target every cycle.</summary>
    [Test]
    public async Task RunAsync_LabelProblemSeenEveryPoll_LoggedOnce()
    {
        var invalid = FixedProvider.Labels("broken");
        invalid["baktainer.db.engine"] = "postgress";
        var settings = new BaktainerSettings { DiscoveryInterval = TimeSpan.FromMilliseconds(10) };
        var provider = new FixedProvider([invalid, FixedProvider.Labels("fine")]);
        var log = new RecordingLoggerProvider();
        using var loggers = new LoggerFactory([log]);
        var watcher = Compose(new ManualTime(Start), settings, provider, loggers.CreateLogger<TargetWatcher>());

        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => provider.Listings >= 5, TimeSpan.FromSeconds(10), "five discovery cycles");
        await stop.CancelAsync();
        await run;

        var lines = log.Lines.Select(l => l.Message).ToList();
        Assert.That(lines.Count(l => l.Contains("postgress")), Is.EqualTo(1), string.Join("\n", lines));
        Assert.That(lines.Count(l => l.StartsWith("Scheduled fine")), Is.EqualTo(1), string.Join("\n", lines));
    }

    [Test]
    public async Task RunAsync_ReadyTargetsLabelsTurnInvalid_FailedEventNamingTheProblem()
    {
        var ops = new CollectingNotifier("ops");
        var provider = new FixedProvider([FixedProvider.Labels("orders")]);
        var parts = new DaemonParts(new ManualTime(Start), new BaktainerSettings { DiscoveryInterval = TimeSpan.FromMilliseconds(10) }, provider, notifiers: ops);

        using var stop = new CancellationTokenSource();
        var run = parts.Watcher.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => parts.Watcher.Count == 1 && provider.Listings >= 2, TimeSpan.FromSeconds(10), "orders scheduled");
        var broken = FixedProvider.Labels("orders");
        broken["baktainer.db.engine"] = "postgress";
        provider.Containers = [broken];
        await Eventually.HoldsAsync(() => ops.Events.Any(e => e.Kind == BackupEventKind.Failed), TimeSpan.FromSeconds(10), "a failed event");
        await Eventually.HoldsAsync(() => provider.Listings >= 10, TimeSpan.FromSeconds(10), "more discovery cycles");
        await stop.CancelAsync();
        await run;
        await parts.Dispatcher.DrainAsync();

        var failed = ops.Events.Where(e => e.Kind == BackupEventKind.Failed).ToList();
        Assert.That(failed, Has.Count.EqualTo(1), "told once, not at every discovery cycle");
        Assert.That(failed[0].Target, Is.EqualTo("orders"));
        Assert.That(failed[0].Error, Does.Contain("can no longer be backed up").And.Contain("postgress"));
        Assert.That(parts.States.Get("orders")!.LastFailureReason, Does.Contain("postgress"), "/status shows the reason");
    }
}
