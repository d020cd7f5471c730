using Baktainer.Host.Daemon;
using Baktainer.Host.Status;
using Baktainer.Host.Targets;

namespace Baktainer.Host.Api;

/// <summary>One target as /status and the dashboard show it.</summary>
internal sealed record TargetView(
    string Name, string Engine, string? Container, string State, bool Ready, IReadOnlyList<string> Problems, IReadOnlyList<string> Notify,
    DateTimeOffset? LastSuccessUtc, string? LastSuccessKey, long? LastStoredSize, long? LastRawSize, double? LastDurationSeconds,
    DateTimeOffset? LastAttemptUtc, bool? LastAttemptSucceeded, DateTimeOffset? LastFailureUtc, string? LastFailureReason,
    int ConsecutiveFailures, long SucceededTotal, long FailedTotal, long BytesWrittenTotal, bool Overdue, DateTimeOffset? NextRunUtc,
    RunningView? Running);

/// <summary>A backup under way.</summary>
internal sealed record RunningView(DateTimeOffset SinceUtc, long Bytes);

/// <summary>Joins what discovery sees (watcher) with what happened (states): every scheduled target, and targets seen only in history.</summary>
internal static class StatusView
{
    public static IReadOnlyList<TargetView> Targets(TargetWatcher watcher, TargetStates states)
    {
        var known = watcher.Snapshot();
        var views = known.Select(k => View(k.Target.Name, k.Target, k.Schedule?.NextUtc, states.Get(k.Target.Name))).ToList();
        views.AddRange(states.All.Where(s => !known.Any(k => k.Target.Name.Equals(s.Name, StringComparison.OrdinalIgnoreCase))).Select(s => View(s.Name, null, null, s)));
        return views.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static TargetView View(string name, DiscoveredTarget? target, DateTimeOffset? next, TargetState? s)
    {
        var ready = target?.IsReady ?? false;
        var state = s?.State ?? "waiting";
        if (!ready && s?.RunningSinceUtc is null && state is not "failing") state = target is null ? "gone" : "invalid";
        return new TargetView(name, target?.Target.Engine ?? s?.Engine ?? "", target?.Target.DisplayName, state, ready, target?.Problems ?? [],
            target?.Target.Settings.Notify ?? [], s?.LastSuccessUtc, s?.LastSuccessKey, s?.LastStoredSize, s?.LastRawSize, s?.LastDuration?.TotalSeconds,
            s?.LastAttemptUtc, s?.LastAttemptSucceeded, s?.LastFailureUtc, s?.LastFailureReason, s?.ConsecutiveFailures ?? 0,
            s?.SucceededTotal ?? 0, s?.FailedTotal ?? 0, s?.BytesWrittenTotal ?? 0, s?.Overdue ?? false, ready ? next : null,
            s?.RunningSinceUtc is { } since ? new RunningView(since, s.RunningBytes) : null);
    }
}
