using Baktainer.Abstractions.Notifications;
using Baktainer.Host.Notifications;
using Baktainer.Host.Targets;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Retention;

/// <summary>
/// Prunes one target right after its backup succeeded (never after a failed one), with its own
/// label policy, and reports deletions as a <see cref="BackupEventKind.Pruned"/> event. A prune
/// that fails is logged; it never changes the backup's result.
/// </summary>
internal sealed class TargetPruner(PruneService prune, BackupEvents events, TimeProvider time, ILogger<TargetPruner> logger)
{
    public async Task AfterBackupAsync(DiscoveredTarget target, CancellationToken cancellationToken)
    {
        try
        {
            var labels = new Dictionary<string, Abstractions.Labels.TargetSettings>(StringComparer.OrdinalIgnoreCase) { [target.Name] = target.Target.Settings };
            var report = await prune.PruneAsync([target.Name], labels, dryRun: false, cancellationToken).ConfigureAwait(false);
            Announce(report, target.Target.Settings.Notify, target.Target.Engine);
        }
        catch (Exception e) when (e is Abstractions.BaktainerException or IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("{Target}: pruning old backups failed: {Reason}; nothing else changed", target.Name, e.Message);
        }
    }

    /// <summary>One <see cref="BackupEventKind.Pruned"/> event per target that lost backups.</summary>
    public void Announce(PruneReport report, IReadOnlyCollection<string> notify, string engine = "")
    {
        foreach (var group in report.Rows.Where(r => r.Action == "delete").GroupBy(r => r.Target ?? ""))
        {
            var keys = group.Select(r => $"{r.Storage}:{r.Key}").ToList();
            events.Publish(new BackupEvent(BackupEventKind.Pruned, group.Key, engine, time.GetUtcNow(),
                $"retention removed {keys.Count} old backup(s) of {group.Key}: {string.Join(", ", keys)}")
            {
                Details = new Dictionary<string, string> { ["Deleted"] = string.Join("\n", keys), ["Reason"] = group.First().Reason },
            }, notify);
        }
    }
}
