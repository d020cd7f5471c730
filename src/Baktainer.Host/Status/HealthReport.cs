namespace Baktainer.Host.Status;

/// <summary>The daemon's health as last checked: the reasons it is unhealthy (none when healthy) and what was measured.</summary>
/// <param name="Problems">Why /health answers 503; empty when healthy.</param>
/// <param name="DockerReachable">Whether every discovery source answered.</param>
/// <param name="StorageFreeBytes">Free bytes per storage name, where the storage knows.</param>
/// <param name="CheckedUtc">When this was checked.</param>
internal sealed record HealthReport(IReadOnlyList<string> Problems, bool DockerReachable, IReadOnlyDictionary<string, long?> StorageFreeBytes, DateTimeOffset CheckedUtc)
{
    public static HealthReport NotYetChecked { get; } = new([], true, new Dictionary<string, long?>(), DateTimeOffset.MinValue);

    public bool Healthy => Problems.Count == 0;
}
