using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Components;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Retention;

/// <summary>
/// Applies retention to every storage target: per storage and target (backup name) the policy
/// decides (a storage entry's own rules replace the global and label policy there); files without
/// a manifest we understand are listed as foreign and never touched; the newest and the newest
/// verified backup of each target in each storage are never deleted; then, when a minimum free
/// space is set and the storage reports less, the oldest backups that no safety rule protects go
/// first, and the report says so when that still is not enough.
/// </summary>
internal sealed class PruneService(ComponentRegistry components, RetentionPolicies policies, TimeProvider time, ILogger<PruneService> logger)
{
    private const double Gb = 1024.0 * 1024 * 1024;

    /// <param name="targets">Backup names to prune; empty for all.</param>
    /// <param name="labels">Parsed labels of the targets still discovered, by backup name (their label policies).</param>
    public async Task<PruneReport> PruneAsync(IReadOnlyCollection<string> targets, IReadOnlyDictionary<string, TargetSettings> labels, bool dryRun, CancellationToken cancellationToken)
    {
        var rows = new List<PruneRow>();
        var warnings = new List<string>();
        foreach (var storage in components.Storage)
        {
            var stored = new List<StoredBackup>();
            await foreach (var backup in storage.ListAsync(cancellationToken).ConfigureAwait(false)) stored.Add(backup);
            var decisions = new List<(string Target, RetentionDecision Decision)>();
            foreach (var foreign in stored.Where(b => b.Manifest is null))
                rows.Add(new PruneRow(storage.Name, null, foreign.Key, foreign.LastModifiedUtc, foreign.Size, "foreign", "no manifest Baktainer understands: never deleted"));
            foreach (var group in stored.Where(b => b.Manifest is not null).GroupBy(b => b.Manifest!.Target, StringComparer.OrdinalIgnoreCase))
            {
                if (targets.Count > 0 && !targets.Contains(group.Key, StringComparer.OrdinalIgnoreCase)) continue;
                var policy = policies.For(storage.Name, labels.TryGetValue(group.Key, out var l) ? l : null);
                var candidates = group.Select(b => new RetentionCandidate(b.Key, b.Manifest!.StartedUtc, IsVerified(b.Manifest), b.Size));
                decisions.AddRange(RetentionPlanner.Plan(candidates, policy, time.GetUtcNow(), policies.Zone).Select(d => (group.Key, d)));
            }
            var freeing = await FreeSpaceAsync(storage, decisions, warnings, cancellationToken).ConfigureAwait(false);
            foreach (var (target, decision) in decisions.OrderBy(d => d.Target, StringComparer.OrdinalIgnoreCase).ThenByDescending(d => d.Decision.Backup.TimeUtc))
            {
                var b = decision.Backup;
                var byFreeing = freeing.Contains(decision);
                var delete = !decision.Keep || byFreeing;
                var reason = byFreeing ? $"below the minimum free space ({policies.MinFreeSpaceGbFor(storage.Name)} GB): oldest unprotected backup; was kept by {string.Join(", ", decision.Reasons)}" : string.Join(", ", decision.Reasons);
                rows.Add(new PruneRow(storage.Name, target, b.Key, b.TimeUtc, b.Size, delete ? dryRun ? "would delete" : "delete" : "keep", reason));
                if (!delete || dryRun) continue;
                await storage.DeleteAsync(b.Key, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Pruned {Storage}:{Key} of {Target} ({Reason})", storage.Name, b.Key, target, reason);
            }
        }
        foreach (var warning in warnings) logger.LogWarning("{Warning}", warning);
        return new PruneReport(rows, warnings);
    }

    private static bool IsVerified(BackupManifest manifest) => manifest.Verification is "checksum" or "restore";

    /// <summary>Kept backups to delete, oldest first, until the storage would have the minimum free space.</summary>
    private async Task<HashSet<RetentionDecision>> FreeSpaceAsync(IStorageTarget storage, List<(string Target, RetentionDecision Decision)> decisions,
        List<string> warnings, CancellationToken cancellationToken)
    {
        var chosen = new HashSet<RetentionDecision>();
        var minimum = policies.MinFreeSpaceGbFor(storage.Name);
        if (minimum <= 0 || storage is not IStorageHealth health) return chosen;
        var needed = (long)(minimum * Gb);
        if ((await health.CheckHealthAsync(cancellationToken).ConfigureAwait(false)).FreeBytes is not { } reported) return chosen;
        var free = reported + decisions.Where(d => !d.Decision.Keep).Sum(d => d.Decision.Backup.Size);
        foreach (var (_, decision) in decisions.Where(d => d.Decision.Keep && !d.Decision.Protected).OrderBy(d => d.Decision.Backup.TimeUtc))
        {
            if (free >= needed) break;
            chosen.Add(decision);
            free += decision.Backup.Size;
        }
        if (free < needed)
            warnings.Add($"storage '{storage.Name}': {free / Gb:0.00} GB free after pruning, below the minimum of {minimum} GB; " +
                         "the remaining backups are each target's newest or newest verified one, which are never deleted");
        return chosen;
    }
}
