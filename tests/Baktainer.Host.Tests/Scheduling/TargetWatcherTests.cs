using Baktainer.Tests.Shared;
using System.Runtime.CompilerServices;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Notifications;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Components;
using Baktainer.Host.Configuration;
using Baktainer.Host.Daemon;
using Baktainer.Host.Notifications;
using Baktainer.Host.Status;
using Baktainer.Host.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Baktainer.Host.Tests.Scheduling;

public sealed class TargetWatcherTests
{
    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A discovery provider (no live events) listing fixed label sets, as a plugin would.</summary>
    private sealed class FixedProvider(IReadOnlyList<Dictionary<string, string>> containers) : IDiscoveryProvider, IDiscoveryProviderFactory
    {
        private int _listings;

        /// <summary>How many times discovery listed the containers (each poll is one discovery cycle).</summary>
        public int Listings => Volatile.Read(ref _listings);

        public string Name => "fixed";
        public string Type => "fixed";
        public IDiscoveryProvider Create(string name, IConfiguration settings) => this;

        public async IAsyncEnumerable<BackupTarget> DiscoverAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            Interlocked.Increment(ref _listings);
            foreach (var labels in containers)
            {
                var parsed = TestLabels.BundledEngines.Parse(labels);
                yield return new BackupTarget(labels["baktainer.name"], labels["baktainer.name"], Name, labels, parsed.Settings, parsed.Issues,
                    parsed.IsValid ? TargetStatus.Ready : TargetStatus.InvalidLabels, Substitute.For<ITargetShell>());
            }
        }
    }

    private static Dictionary<string, string> Labels(string name, string? schedule = null)
    {
        var labels = new Dictionary<string, string> { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "db", ["baktainer.name"] = name };
        if (schedule is not null) labels["baktainer.schedule"] = schedule;
        return labels;
    }

    /// <summary>A watcher over <paramref name="provider"/> with a postgres strategy that accepts every target.</summary>
    private static TargetWatcher Compose(ManualTime time, BaktainerSettings settings, FixedProvider provider, ILogger<TargetWatcher> logger)
    {
        var entry = new ComponentEntry("Discovery:0", "fixed", "fixed", new ConfigurationBuilder().Build());
        var components = new ComponentRegistry(settings with { Discovery = [entry] }, [provider], Array.Empty<IStorageTargetFactory>(), Array.Empty<INotifierFactory>());
        var strategy = Substitute.For<IBackupStrategy>();
        strategy.Engine.Returns("postgres");
        strategy.Aliases.Returns([]);
        strategy.Validate(Arg.Any<BackupTarget>()).Returns([]);
        var events = new BackupEvents(new TargetStates(time), new NotificationDispatcher(components, settings, NullLogger<NotificationDispatcher>.Instance), time);
        return new TargetWatcher(settings, components, new TargetCatalog(components, [strategy]), events, time, logger);
    }

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
        var watcher = await Watch(time, new BaktainerSettings(), null, Labels("hourly", "0 * * * *"), Labels("nightly"));

        Assert.That(watcher.TakeDue(Start.AddMinutes(30), _ => false), Is.Empty);
        Assert.That(watcher.TakeDue(Start.AddHours(1), _ => false).Select(t => t.Name), Is.EqualTo(new[] { "hourly" }));
        Assert.That(watcher.TakeDue(Start.AddHours(1).AddSeconds(1), _ => false), Is.Empty, "the slot is taken");
        Assert.That(watcher.TakeDue(Start.AddHours(16), _ => false).Select(t => t.Name), Is.EquivalentTo(new[] { "hourly", "nightly" }), "BT_CRON default 0 0 * * *");
    }

    [Test]
    public async Task TakeDue_PreviousRunStillRunning_NotStacked()
    {
        var time = new ManualTime(Start);
        var watcher = await Watch(time, new BaktainerSettings(), null, Labels("busy", "*/5 * * * *"));
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
            Labels("late"), Labels("fresh"), Labels("never"));

        Assert.That(watcher.TakeDue(Start, _ => false).Select(t => t.Name), Is.EqualTo(new[] { "late" }));
        Assert.That(watcher.TakeDue(Start.AddSeconds(1), _ => false), Is.Empty, "one catch-up run, not three");
    }

    [Test]
    public async Task CatchUp_Disabled_NoRunAtStart()
    {
        var time = new ManualTime(Start);
        // Three nightly slots missed: with catch-up on this target would run at start (see above), so only the setting keeps it from running.
        var missed = new Dictionary<string, DateTimeOffset> { ["late"] = Start.AddDays(-3) };
        var watcher = await Watch(time, new BaktainerSettings { CatchUp = false }, missed, Labels("late"));
        Assert.That(watcher.TakeDue(Start, _ => false), Is.Empty);
        Assert.That(watcher.TakeDue(Start.AddHours(16), _ => false), Has.Count.EqualTo(1), "still scheduled normally");
    }

    [Test]
    public async Task SixFieldLabelWithoutOptIn_NotScheduled()
    {
        var time = new ManualTime(Start);
        var watcher = await Watch(time, new BaktainerSettings(), null, Labels("seconds", "* * * * * *"));
        Assert.That(watcher.TakeDue(Start.AddDays(2), _ => false), Is.Empty);
        var optedIn = await Watch(time, new BaktainerSettings { CronSeconds = true }, null, Labels("seconds", "*/10 * * * * *"));
        Assert.That(optedIn.TakeDue(Start.AddSeconds(10), _ => false), Has.Count.EqualTo(1));
    }

    /// <summary>The watcher's own part of "each label problem once": a polling provider hands it the same target every cycle.</summary>
    [Test]
    public async Task RunAsync_LabelProblemSeenEveryPoll_LoggedOnce()
    {
        var invalid = Labels("broken");
        invalid["baktainer.db.engine"] = "postgress";
        var settings = new BaktainerSettings { DiscoveryInterval = TimeSpan.FromMilliseconds(10) };
        var provider = new FixedProvider([invalid, Labels("fine")]);
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
}
