using Baktainer.Abstractions.Labels;
using Baktainer.Host.Retention;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Host.Configuration;

/// <summary>Retention rules: the global <c>Retention:*</c> ones and each storage entry's own.</summary>
internal sealed partial class SettingsReader
{
    private static readonly string[] RetentionKeys = ["Days", "Count", .. LabelSchema.RetentionPeriods.Select(KeepKey)];

    private static string KeepKey(string period) => "Keep" + char.ToUpperInvariant(period[0]) + period[1..];

    /// <summary>The rules under <paramref name="section"/> (e.g. <c>Retention</c>, <c>Storage:1:Retention</c>); null when none is set.</summary>
    private RetentionPolicy? RetentionRules(string section)
    {
        var days = Integer(section + ":Days", 0, 36500);
        var count = Integer(section + ":Count", 0, 100000);
        var keep = LabelSchema.RetentionPeriods
            .Select(p => (p, n: Integer($"{section}:{KeepKey(p)}", 0, 100000)))
            .Where(x => x.n is not null).ToDictionary(x => x.p, x => x.n!.Value);
        return days is null && count is null && keep.Count == 0 ? null : new RetentionPolicy(days ?? 0, count ?? 0, keep);
    }

    /// <summary>Each storage entry's own retention rules and minimum free space, by entry name.</summary>
    private Dictionary<string, StorageRetention> StorageRetention(IReadOnlyList<ComponentEntry> storage)
    {
        var result = new Dictionary<string, StorageRetention>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in storage)
        {
            // Entries from the Storage list are sections of the configuration; the BT_S3_* entry comes from the S3 section.
            var path = entry.Settings is IConfigurationSection s ? s.Path : entry.Name == S3Shorthand.EntryName ? S3Shorthand.Section : null;
            if (path is null) continue;
            foreach (var unknown in _config.GetSection(path + ":Retention").GetChildren().Where(c => !RetentionKeys.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
                _s.Error($"{loaded.Describe(unknown.Path)} is not a retention rule; a storage entry's Retention takes {string.Join(", ", RetentionKeys)} (as the global Retention settings)");
            var policy = RetentionRules(path + ":Retention");
            var minFree = Number(path + ":MinFreeSpaceGb", 0, 1_000_000);
            if (policy is not null || minFree is not null) result[entry.Name] = new StorageRetention(policy, minFree);
        }
        return result;
    }
}
