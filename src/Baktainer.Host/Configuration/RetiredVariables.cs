namespace Baktainer.Host.Configuration;

/// <summary>
/// Variables of the original tool that this version replaced by something else. Set, each is a
/// configuration error naming what to use instead: never accepted and silently ignored.
/// </summary>
internal static class RetiredVariables
{
    public static IReadOnlyList<(string Variable, string Instead)> All { get; } =
    [
        ("BT_ROTATION_ENABLED", "retention runs whenever a policy is set (BT_RETENTION_DAYS, BT_RETENTION_COUNT, BT_RETENTION_KEEP_*) and never otherwise; remove it and set the policy you want (docs/migrating.md)"),
        ("BT_KEY_ROTATION_ENABLED", "rotate keys by setting the new one in BT_ENCRYPTION_KEY and moving the old one to BT_ENCRYPTION_OLD_KEYS; remove it (docs/encryption.md)"),
    ];

    /// <summary>One error for each retired variable set in <paramref name="environment"/>.</summary>
    public static IEnumerable<string> Check(IReadOnlyDictionary<string, string> environment) =>
        All.Where(r => environment.ContainsKey(r.Variable))
            .Select(r => $"{r.Variable} is a setting of the original Baktainer that this version does not have: {r.Instead}");
}
