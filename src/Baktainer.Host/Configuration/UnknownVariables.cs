namespace Baktainer.Host.Configuration;

/// <summary>
/// <c>BT_*</c> environment variables that Baktainer does not know. The environment holds many
/// unrelated variables, but <c>BT_</c> is Baktainer's prefix: an unknown one is most likely a typo,
/// so it is a warning (naming the closest known variable), not an error.
/// </summary>
internal static class UnknownVariables
{
    public const string Prefix = "BT_";

    /// <summary>Every variable Baktainer reads.</summary>
    public static IEnumerable<string> Known =>
        LegacyVariables.Map.Select(m => m.Variable).Concat(RetiredVariables.All.Select(r => r.Variable));

    /// <returns>One warning per unknown <c>BT_*</c> variable in <paramref name="environment"/>.</returns>
    public static IEnumerable<string> Check(IReadOnlyDictionary<string, string> environment)
    {
        var known = Known.ToHashSet(StringComparer.Ordinal);
        return environment.Keys.Where(v => v.StartsWith(Prefix, StringComparison.Ordinal) && !known.Contains(v)).Order(StringComparer.Ordinal)
            .Select(v => $"environment variable {v} is not a Baktainer setting and is ignored" +
                         (Closest.Find(v, known) is { } near ? $"; did you mean {near}?" : "; see README, Configuration"));
    }
}
