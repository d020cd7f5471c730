using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Notifications;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Components;
using Baktainer.Host.Configuration;
using Baktainer.Host.Daemon;
using Baktainer.Host.Notifications;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Status;

/// <summary>
/// Checks, every <c>HealthInterval</c>, that Docker answers, that each storage can be written and
/// has space, and that no target is overdue (no success within its schedule plus
/// <c>OverdueGrace</c>); keeps the result for /health and /metrics and raises the alerts
/// (Docker unreachable for longer than <c>DockerUnreachableAfter</c> and its recovery, storage low,
/// overdue) and the daily summary.
/// </summary>
internal sealed class HealthMonitor(BaktainerSettings settings, ComponentRegistry components, TargetWatcher watcher, TargetStates states,
    BackupEvents events, TimeProvider time, ILogger<HealthMonitor> logger)
{
    private readonly OperationsSettings _ops = settings.Operations;
    private readonly HashSet<string> _lowStorage = new(StringComparer.OrdinalIgnoreCase);
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private DateTimeOffset? _unreachableSince;
    private bool _unreachableAlerted;
    private DateOnly _lastSummary;

    public HealthReport Current { get; private set; } = HealthReport.NotYetChecked;

    public async Task RunAsync(CancellationToken stopping)
    {
        _lastSummary = SummaryDueToday(time.GetUtcNow()) ? Today(time.GetUtcNow()) : default;
        while (!stopping.IsCancellationRequested)
        {
            try { await CheckAsync(stopping).ConfigureAwait(false); }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            try { await Task.Delay(_ops.HealthInterval, time, stopping).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var reachable = await CheckDockerAsync(problems, cancellationToken).ConfigureAwait(false);
        var free = await CheckStorageAsync(problems, cancellationToken).ConfigureAwait(false);
        CheckOverdue(problems);
        SendSummary();
        Current = new HealthReport(problems, reachable, free, time.GetUtcNow());
    }

    private async Task<bool> CheckDockerAsync(List<string> problems, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var provider in components.Discovery.OfType<IReachabilityCheck>())
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            try { await provider.CheckReachableAsync(timeout.Token).ConfigureAwait(false); }
            catch (BaktainerException e) { failures.Add(e.Message); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { failures.Add($"{((IDiscoveryProvider)provider).Name}: no answer within 5 s"); }
        }
        var now = time.GetUtcNow();
        if (failures.Count == 0)
        {
            if (_unreachableAlerted)
                events.Publish(new BackupEvent(BackupEventKind.Recovered, "", "", now, $"Docker is reachable again after {now - _unreachableSince:hh\\:mm\\:ss}"));
            _unreachableSince = null;
            _unreachableAlerted = false;
            return true;
        }
        _unreachableSince ??= now;
        problems.AddRange(failures.Select(f => "Docker unreachable: " + f));
        if (!_unreachableAlerted && now - _unreachableSince >= _ops.DockerUnreachableAfter)
        {
            _unreachableAlerted = true;
            logger.LogError("Docker has been unreachable since {Since:u}: {Reason}", _unreachableSince, string.Join("; ", failures));
            events.Publish(new BackupEvent(BackupEventKind.DockerUnreachable, "", "", now, $"Docker has been unreachable since {_unreachableSince:u}", Error: string.Join("; ", failures)));
        }
        return false;
    }

    private async Task<Dictionary<string, long?>> CheckStorageAsync(List<string> problems, CancellationToken cancellationToken)
    {
        var free = new Dictionary<string, long?>(StringComparer.OrdinalIgnoreCase);
        foreach (var storage in components.Storage)
        {
            if (storage is not IStorageHealth health) { free[storage.Name] = null; continue; }
            var report = await health.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
            free[storage.Name] = report.FreeBytes;
            if (report.Problem is { } problem) problems.Add($"storage {storage.Name}: {problem}");
            var low = _ops.StorageLowGb > 0 && report.FreeBytes is { } bytes && bytes < _ops.StorageLowGb * 1024 * 1024 * 1024;
            if (low && _lowStorage.Add(storage.Name))
                events.Publish(new BackupEvent(BackupEventKind.StorageLow, "", "", time.GetUtcNow(), $"storage {storage.Name} has {report.FreeBytes / 1048576} MiB free, less than {_ops.StorageLowGb} GB (StorageLowGb)")
                {
                    Details = new Dictionary<string, string> { ["Storage"] = storage.Name, ["Free bytes"] = report.FreeBytes!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                });
            else if (!low) _lowStorage.Remove(storage.Name);
        }
        return free;
    }

    private void CheckOverdue(List<string> problems)
    {
        var now = time.GetUtcNow();
        foreach (var (target, schedule) in watcher.Snapshot().Where(t => t.Target.IsReady && t.Schedule is not null))
        {
            var lastSuccess = states.Get(target.Name)?.LastSuccessUtc;
            var overdue = schedule!.MissedSince(lastSuccess ?? _started, now - _ops.OverdueGrace);
            if (overdue && _ops.HealthOverdue) problems.Add($"{target.Name} is overdue: no successful backup since {lastSuccess?.ToString("u") ?? "the daemon started"} (schedule plus {_ops.OverdueGrace} grace)");
            if (states.SetOverdue(target.Name, target.Target.Engine, overdue) && overdue)
                events.Publish(new BackupEvent(BackupEventKind.Overdue, target.Name, target.Target.Engine, now,
                    $"{target.Name} has had no successful backup within its schedule plus {_ops.OverdueGrace} (OverdueGrace)"), target.Target.Settings.Notify);
        }
    }

    private void SendSummary()
    {
        var now = time.GetUtcNow();
        if (!SummaryDueToday(now) || _lastSummary == Today(now)) return;
        _lastSummary = Today(now);
        var known = watcher.Snapshot().Select(t => t.Target).ToList();
        var names = known.Select(t => t.Name).Concat(states.All.Select(s => s.Name)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var lines = names.Select(name => SummaryLine(name, known.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase)), states.Get(name))).ToList();
        events.Publish(new BackupEvent(BackupEventKind.Summary, "", "", now,
            $"{names.Count(n => states.Get(n)?.State == "ok")} of {names.Count} target(s) ok\n" + string.Join("\n", lines)));
    }

    /// <summary>One target in the daily summary: its state, or why it is not backed up, or that it never was.</summary>
    private static string SummaryLine(string name, Targets.DiscoveredTarget? target, TargetState? s) => (target, s) switch
    {
        ({ IsReady: false }, _) => $"{name}: not backed up ({target.NotReadyReason})",
        (_, null or { State: "waiting" }) => $"{name}: no backup yet",
        _ => $"{name}: {s.State}, last success {(s.LastSuccessUtc is { } t ? t.ToString("u") : "never")}, {s.SucceededTotal} ok / {s.FailedTotal} failed since start",
    };

    private DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, watcher.Zone).DateTime);

    private bool SummaryDueToday(DateTimeOffset now) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, watcher.Zone).DateTime) >= _ops.SummaryAt;
}
