using Baktainer.Abstractions.Labels;
using Baktainer.Host.Configuration;

namespace Baktainer.Host.Retention;

/// <summary>
/// The policy of a target: the global <c>BT_RETENTION_*</c> settings, each overridden by the
/// target's own <c>baktainer.backup.retention.*</c> label when it has one.
/// </summary>
internal sealed class RetentionPolicies(BaktainerSettings settings)
{
    public RetentionPolicy Global { get; } = new(settings.RetentionDays, settings.RetentionCount, settings.RetentionKeep);

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(settings.Timezone);

    public double MinFreeSpaceGb => settings.MinFreeSpaceGb;

    /// <summary>The policy for a target's backups in one storage: the storage entry's own rules when it sets them, else <see cref="For(TargetSettings?)"/>.</summary>
    public RetentionPolicy For(string storage, TargetSettings? labels) =>
        settings.StorageRetention.TryGetValue(storage, out var own) && own.Policy is { } policy ? policy : For(labels);

    /// <summary>The free space pruning makes room for in one storage: the entry's <c>MinFreeSpaceGb</c>, else the global one.</summary>
    public double MinFreeSpaceGbFor(string storage) =>
        settings.StorageRetention.TryGetValue(storage, out var own) && own.MinFreeSpaceGb is { } gb ? gb : MinFreeSpaceGb;

    /// <param name="labels">The target's parsed labels; null when the target is no longer discovered (its backups follow the global policy).</param>
    public RetentionPolicy For(TargetSettings? labels)
    {
        if (labels is null) return Global;
        var keep = new Dictionary<string, int>(Global.Keep);
        foreach (var (period, count) in labels.RetentionKeep) keep[period] = count;
        return new RetentionPolicy(labels.RetentionDays ?? Global.Days, labels.RetentionCount ?? Global.Count, keep);
    }

    /// <summary>One line for the daemon's start-up log.</summary>
    public string Describe() =>
        $"retention: {Global} (per-target labels override; times in {settings.Timezone})" +
        (MinFreeSpaceGb > 0 ? $"; free at least {MinFreeSpaceGb} GB by deleting the oldest unprotected backups" : "") +
        string.Concat(settings.StorageRetention.Where(s => s.Value.Policy is not null).Select(s => $"; storage '{s.Key}': {s.Value.Policy} (its own rules, labels ignored)")) +
        string.Concat(settings.StorageRetention.Where(s => s.Value.MinFreeSpaceGb is not null).Select(s => $"; storage '{s.Key}': free at least {s.Value.MinFreeSpaceGb} GB"));
}
