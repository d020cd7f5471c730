using System.Globalization;

namespace Baktainer.Host.Retention;

/// <summary>
/// Which backups of one target to keep. A backup is kept if any rule keeps it; with no rule set
/// everything is kept. <see cref="Keep"/> holds the GFS counts by period (restic's <c>forget</c>
/// semantics): <c>last</c>, <c>hourly</c>, <c>daily</c>, <c>weekly</c> (ISO), <c>monthly</c>, <c>yearly</c>.
/// </summary>
internal sealed record RetentionPolicy(int Days, int Count, IReadOnlyDictionary<string, int> Keep)
{
    public static RetentionPolicy KeepAll { get; } = new(0, 0, new Dictionary<string, int>());

    /// <summary>Whether no rule is set, so nothing is ever deleted by age or count.</summary>
    public bool KeepsEverything => Days <= 0 && Count <= 0 && Keep.Values.All(n => n <= 0);

    public override string ToString()
    {
        if (KeepsEverything) return "keep everything";
        var parts = new List<string>();
        if (Days > 0) parts.Add($"{Days} days");
        if (Count > 0) parts.Add($"newest {Count}");
        parts.AddRange(Keep.Where(k => k.Value > 0).Select(k => string.Create(CultureInfo.InvariantCulture, $"keep_{k.Key}={k.Value}")));
        return "keep " + string.Join(" or ", parts);
    }
}
