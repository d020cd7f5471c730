using Baktainer.Host.Configuration;
using Baktainer.Host.Targets;

namespace Baktainer.Host.Backup;

/// <summary>Backs up several targets with at most BT_THREADS at a time, highest priority first.</summary>
internal sealed class BackupRunner(BaktainerSettings settings, BackupPipeline pipeline)
{
    public async Task<IReadOnlyList<BackupOutcome>> RunAsync(IReadOnlyList<DiscoveredTarget> targets, IBackupProgress? progress, CancellationToken cancellationToken)
    {
        var outcomes = new BackupOutcome[targets.Count];
        var ordered = targets.Select((t, i) => (Target: t, Index: i)).OrderByDescending(x => x.Target.Target.Settings.Priority).ToList();
        await Parallel.ForEachAsync(ordered, new ParallelOptions { MaxDegreeOfParallelism = settings.Threads, CancellationToken = cancellationToken },
            async (item, ct) => outcomes[item.Index] = await pipeline.RunAsync(item.Target, progress, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return outcomes;
    }
}
