using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Labels;
using Baktainer.Host.Components;
using Baktainer.Host.Configuration;
using Baktainer.Host.Scheduling;
using Baktainer.Host.Targets;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Daemon;

/// <summary>
/// The daemon's live view of its targets and their schedules: follows each discovery provider
/// (live events where it offers them, polling otherwise), schedules each ready target with its
/// <c>baktainer.schedule</c> or BT_CRON, and hands out the targets that are due.
/// </summary>
internal sealed class TargetWatcher(BaktainerSettings settings, ComponentRegistry components, TargetCatalog catalog, Notifications.BackupEvents events, TimeProvider time, ILogger<TargetWatcher> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new();

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(settings.Timezone);

    /// <summary>The last backup start per backup name, for catch-up runs after downtime.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastBackups { get; set; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>How many targets (ready or not) are known right now.</summary>
    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    public Task RunAsync(CancellationToken stopping) => Task.WhenAll(components.Discovery.Select(p => FollowAsync(p, stopping)));

    /// <summary>Ready targets whose time has come (or that need a catch-up run), marking them taken.</summary>
    public IReadOnlyList<DiscoveredTarget> TakeDue(DateTimeOffset nowUtc, Func<string, bool> isRunning)
    {
        var due = new List<DiscoveredTarget>();
        lock (_gate)
        {
            foreach (var entry in _entries.Values.Where(e => e.Target.IsReady && e.Schedule is not null))
            {
                var slot = entry.Schedule!.IsDue(nowUtc);
                if (slot) entry.Schedule.Advance(nowUtc);
                if (!slot && !entry.CatchUp) continue;
                entry.CatchUp = false;
                if (isRunning(entry.Target.Name))
                    logger.LogWarning("{Target}: the previous backup is still running; this run is skipped, not stacked", entry.Target.Name);
                else
                    due.Add(entry.Target);
            }
        }
        return due;
    }

    public DateTimeOffset? NextRun(DiscoveredTarget target)
    {
        lock (_gate) return _entries.GetValueOrDefault(target.Target.Id)?.Schedule?.NextUtc;
    }

    /// <summary>Every known target with its schedule (null when not scheduled), for health checks and the API.</summary>
    public IReadOnlyList<(DiscoveredTarget Target, TargetSchedule? Schedule)> Snapshot()
    {
        lock (_gate) return _entries.Values.Select(e => (e.Target, e.Schedule)).ToList();
    }

    private async Task FollowAsync(IDiscoveryProvider provider, CancellationToken stopping)
    {
        try
        {
            if (provider is IWatchableDiscovery watchable)
            {
                await foreach (var change in watchable.WatchAsync(stopping).ConfigureAwait(false))
                    if (change.Kind == TargetChangeKind.Removed) Remove(change.TargetId);
                    else Upsert(catalog.Check(change.Target!));
                return;
            }
            while (!stopping.IsCancellationRequested)
            {
                await PollAsync(provider, stopping).ConfigureAwait(false);
                await Task.Delay(settings.DiscoveryInterval, time, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(IDiscoveryProvider provider, CancellationToken stopping)
    {
        var seen = new HashSet<string>();
        try
        {
            await foreach (var target in provider.DiscoverAsync(stopping).ConfigureAwait(false))
            {
                seen.Add(target.Id);
                Upsert(catalog.Check(target));
            }
        }
        catch (BaktainerException e)
        {
            logger.LogWarning("Discovery {Provider} failed: {Reason}; retrying in {Interval}", provider.Name, e.Message, settings.DiscoveryInterval);
            return;
        }
        List<string> gone;
        lock (_gate) gone = _entries.Where(e => e.Value.Target.Target.Provider == provider.Name && !seen.Contains(e.Key)).Select(e => e.Key).ToList();
        foreach (var id in gone) Remove(id);
    }

    private void Upsert(DiscoveredTarget target)
    {
        var expressions = target.Target.Settings.Schedules.Count > 0 ? target.Target.Settings.Schedules : [settings.Cron];
        var key = string.Join(';', expressions);
        lock (_gate)
        {
            if (_entries.TryGetValue(target.Target.Id, out var existing) && existing.ScheduleKey == key)
            {
                if (existing.Target.IsReady != target.IsReady) Describe(target, existing.Schedule);
                if (existing.Target.IsReady && !target.IsReady) BecameInvalid(target);
                existing.Target = target;
                return;
            }
            var schedule = Build(target, expressions);
            if (existing is { Target.IsReady: true } && !target.IsReady) BecameInvalid(target);
            var entry = new Entry(target, schedule, key);
            if (schedule is not null && settings.CatchUp && LastBackups.TryGetValue(target.Name, out var last) && schedule.MissedSince(last, time.GetUtcNow()))
            {
                entry.CatchUp = true;
                logger.LogInformation("{Target}: a scheduled run was missed while Baktainer was not running (last backup {Last:u}); one catch-up run now", target.Name, last);
            }
            _entries[target.Target.Id] = entry;
            Describe(target, schedule);
        }
    }

    private TargetSchedule? Build(DiscoveredTarget target, IReadOnlyList<string> expressions)
    {
        var source = target.Target.Settings.Schedules.Count > 0 ? $"container '{target.Target.DisplayName}' label '{LabelSchema.Schedule}'" : "BT_CRON";
        try
        {
            return new TargetSchedule(expressions.Select(e => CronSchedule.Parse(e, settings.CronSeconds, source)).ToList(), Zone, time.GetUtcNow());
        }
        catch (BaktainerException e)
        {
            logger.LogError("{Target} is not scheduled: {Reason}", target.Name, e.Message);
            return null;
        }
    }

    private void Describe(DiscoveredTarget target, TargetSchedule? schedule)
    {
        if (!target.IsReady)
            logger.LogWarning("{Target} ({Container}) is not backed up: {Reason}", target.Name, target.Target.DisplayName, target.NotReadyReason);
        else if (target.Problems.Count > 0)
            logger.LogWarning("{Target} ({Container}): {Warnings}", target.Name, target.Target.DisplayName, string.Join("; ", target.Problems));
        if (target.IsReady && schedule is not null)
            logger.LogInformation("Scheduled {Target} ({Engine}, container {Container}): \"{Schedule}\"; next run {Next:u}",
                target.Name, target.Target.Engine, target.Target.DisplayName, string.Join("; ", schedule.Schedules.Select(s => s.Expression)), schedule.NextUtc);
    }

    private void BecameInvalid(DiscoveredTarget target) =>
        events.FailedBeforeStart(target, $"container '{target.Target.DisplayName}' can no longer be backed up: {target.NotReadyReason}");

    private void Remove(string id)
    {
        lock (_gate)
            if (_entries.Remove(id, out var entry))
            {
                logger.LogInformation("{Target} ({Container}) is gone; no longer scheduled", entry.Target.Name, entry.Target.Target.DisplayName);
                if (entry.Target.IsReady)
                    events.FailedBeforeStart(entry.Target, $"container '{entry.Target.Target.DisplayName}' is gone (stopped or removed); it is no longer backed up");
            }
    }

    private sealed class Entry(DiscoveredTarget target, TargetSchedule? schedule, string scheduleKey)
    {
        public DiscoveredTarget Target { get; set; } = target;
        public TargetSchedule? Schedule { get; } = schedule;
        public string ScheduleKey { get; } = scheduleKey;
        public bool CatchUp { get; set; }
    }
}
