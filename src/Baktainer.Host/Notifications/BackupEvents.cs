using Baktainer.Abstractions.Notifications;
using Baktainer.Host.Backup;
using Baktainer.Host.Status;
using Baktainer.Host.Targets;

namespace Baktainer.Host.Notifications;

/// <summary>
/// Where the pipeline and the daemon report what happens to targets: it updates the live
/// <see cref="TargetStates"/> and tells the notifiers (started, succeeded or failed, verified or
/// verification failed, failures before a backup could start, and daemon-wide events).
/// </summary>
internal sealed class BackupEvents(TargetStates states, NotificationDispatcher dispatcher, TimeProvider time)
{
    public void Started(DiscoveredTarget target)
    {
        states.Started(target.Name, target.Target.Engine);
        dispatcher.Publish(new BackupEvent(BackupEventKind.Started, target.Name, target.Target.Engine, time.GetUtcNow(), $"backup of {target.Name} started"), target.Target.Settings.Notify);
    }

    public void Advanced(string target, long rawBytes) => states.Advanced(target, rawBytes);

    public void Finished(DiscoveredTarget target, BackupOutcome outcome)
    {
        var before = states.Finished(outcome);
        var notify = target.Target.Settings.Notify;
        var now = time.GetUtcNow();
        if (outcome.Succeeded && outcome.Manifest is { } m)
        {
            var verified = m.Verification == "none" ? "" : $", verification {m.Verification}";
            dispatcher.Publish(new BackupEvent(BackupEventKind.Succeeded, outcome.Target, outcome.Engine, now,
                $"backup of {outcome.Target} succeeded: {m.Key} ({m.StoredSize} bytes{verified})", m), notify, before);
            if (m.Verification != "none")
                dispatcher.Publish(new BackupEvent(BackupEventKind.Verified, outcome.Target, outcome.Engine, now,
                    $"backup {m.Key} of {outcome.Target} verified ({m.Verification}{(m.VerifiedRowCounts is { } rows ? $": {rows.Count} tables, {rows.Values.Sum()} rows" : "")})", m), notify, before);
            return;
        }
        var kind = outcome.VerificationFailed ? BackupEventKind.VerificationFailed : BackupEventKind.Failed;
        var what = outcome.VerificationFailed ? "verification of the backup" : "backup";
        dispatcher.Publish(new BackupEvent(kind, outcome.Target, outcome.Engine, now, FailureMessage(what, outcome), outcome.Manifest, outcome.Error)
        {
            ConsecutiveFailures = before + 1,
        }, notify, before);
    }

    /// <summary>A failed backup's summary; when some copies were kept (fan-out) it says which are missing and where the backup is.</summary>
    private static string FailureMessage(string what, BackupOutcome outcome) => outcome.Manifest?.MissingCopies is { Count: > 0 } missing
        ? $"{what} of {outcome.Target} failed: copy missing in {string.Join(", ", missing.Keys)}; kept in {string.Join(", ", outcome.Manifest.Copies?.Except(missing.Keys) ?? [])}"
        : $"{what} of {outcome.Target} failed";

    /// <summary>A scheduled target can no longer be backed up: its labels became invalid, or its container is gone.</summary>
    public void FailedBeforeStart(DiscoveredTarget target, string reason)
    {
        var before = states.FailedBeforeStart(target.Name, target.Target.Engine, reason);
        dispatcher.Publish(new BackupEvent(BackupEventKind.Failed, target.Name, target.Target.Engine, time.GetUtcNow(), $"{target.Name} cannot be backed up", Error: reason)
        {
            ConsecutiveFailures = before + 1,
        }, target.Target.Settings.Notify, before);
    }

    /// <summary>A stored backup was re-read by <c>baktainer verify</c>: every notifier hears the result.</summary>
    public void Verified(Abstractions.Storage.BackupManifest manifest, bool passed, string? error) =>
        dispatcher.Publish(passed
            ? new BackupEvent(BackupEventKind.Verified, manifest.Target, manifest.Engine, time.GetUtcNow(), $"backup {manifest.Key} of {manifest.Target} verified", manifest)
            : new BackupEvent(BackupEventKind.VerificationFailed, manifest.Target, manifest.Engine, time.GetUtcNow(), $"backup {manifest.Key} of {manifest.Target} failed verification", manifest, error), []);

    /// <summary>An event about the daemon, Docker, storage or one target's schedule, for every notifier.</summary>
    public void Publish(BackupEvent backupEvent, IReadOnlyCollection<string>? selected = null) => dispatcher.Publish(backupEvent, selected ?? []);
}
