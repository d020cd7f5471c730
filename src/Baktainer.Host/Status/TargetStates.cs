using System.Collections.Concurrent;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Backup;

namespace Baktainer.Host.Status;

/// <summary>The live record of every target's backups in this process; thread-safe.</summary>
internal sealed class TargetStates(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TargetState> _states = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<TargetState> All => _states.Values.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public TargetState? Get(string name) => _states.GetValueOrDefault(name);

    /// <summary>Starts from the newest stored manifest of a target (so a restarted daemon knows its last success).</summary>
    public void Seed(BackupManifest manifest) => Update(manifest.Target, manifest.Engine, s => s.LastSuccessUtc is null || s.LastSuccessUtc < manifest.FinishedUtc
        ? s with { LastSuccessUtc = manifest.FinishedUtc, LastSuccessKey = manifest.Key, LastStoredSize = manifest.StoredSize, LastRawSize = manifest.RawSize, LastDuration = manifest.FinishedUtc - manifest.StartedUtc }
        : s);

    public void Started(string name, string engine) => Update(name, engine, s => s with { RunningSinceUtc = time.GetUtcNow(), RunningBytes = 0 });

    public void Advanced(string name, long rawBytes) => Update(name, "", s => s with { RunningBytes = rawBytes });

    /// <summary>Records how a backup ended.</summary>
    /// <returns>The target's consecutive failures before this outcome.</returns>
    public int Finished(BackupOutcome outcome)
    {
        var before = 0;
        var now = time.GetUtcNow();
        Update(outcome.Target, outcome.Engine, s =>
        {
            before = s.ConsecutiveFailures;
            var done = s with { RunningSinceUtc = null, RunningBytes = 0, LastAttemptUtc = now, LastAttemptSucceeded = outcome.Succeeded, LastDuration = outcome.Duration };
            return outcome.Succeeded && outcome.Manifest is { } m
                ? done with { LastSuccessUtc = m.FinishedUtc, LastSuccessKey = m.Key, LastStoredSize = m.StoredSize, LastRawSize = m.RawSize, LastDuration = m.FinishedUtc - m.StartedUtc, ConsecutiveFailures = 0,
                    SucceededTotal = s.SucceededTotal + 1, BytesWrittenTotal = s.BytesWrittenTotal + m.StoredSize, Overdue = false }
                : done with { LastFailureUtc = now, LastFailureReason = outcome.Error, ConsecutiveFailures = s.ConsecutiveFailures + 1, FailedTotal = s.FailedTotal + 1 };
        });
        return before;
    }

    /// <summary>Records a failure that happened before any backup started (target invalid, container gone).</summary>
    public int FailedBeforeStart(string name, string engine, string reason) =>
        Finished(new BackupOutcome(name, engine, null, reason, TimeSpan.Zero));

    /// <returns>Whether the flag changed.</returns>
    public bool SetOverdue(string name, string engine, bool overdue)
    {
        var changed = false;
        Update(name, engine, s =>
        {
            changed = s.Overdue != overdue;
            return s with { Overdue = overdue };
        });
        return changed;
    }

    private void Update(string name, string engine, Func<TargetState, TargetState> change)
    {
        while (true)
        {
            var current = _states.GetOrAdd(name, n => new TargetState(n, engine));
            var next = change(current);
            if (engine.Length > 0 && next.Engine != engine) next = next with { Engine = engine };
            if (_states.TryUpdate(name, next, current)) return;
        }
    }
}
