using Baktainer.Abstractions;
using Baktainer.Host.Notifications;

namespace Baktainer.Host.Configuration;

/// <summary>The daemon's HTTP side, health thresholds and alert defaults (README, "Operating it").</summary>
internal sealed record OperationsSettings
{
    /// <summary><c>HealthEnabled</c> / BT_HEALTH_ENABLED: serve the HTTP API while <c>run</c> runs.</summary>
    public bool HttpEnabled { get; init; } = true;
    /// <summary><c>HealthBind</c> / BT_HEALTH_BIND: the address to listen on.</summary>
    public string Bind { get; init; } = "0.0.0.0";
    /// <summary><c>ApiToken</c> / BT_API_TOKEN: bearer token for everything but /health; POST always needs it.</summary>
    public Secret? ApiToken { get; init; }
    /// <summary><c>OverdueGrace</c> / BT_OVERDUE_GRACE: how late a scheduled backup may be before the target is overdue.</summary>
    public TimeSpan OverdueGrace { get; init; } = TimeSpan.FromHours(1);
    /// <summary><c>HealthOverdue</c> / BT_HEALTH_OVERDUE: an overdue target makes /health answer 503.</summary>
    public bool HealthOverdue { get; init; } = true;
    /// <summary><c>DockerUnreachableAfter</c> / BT_DOCKER_UNREACHABLE_AFTER: alert when Docker has been unreachable this long.</summary>
    public TimeSpan DockerUnreachableAfter { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary><c>StorageLowGb</c> / BT_STORAGE_LOW_GB: alert when a storage has less free space (0: never).</summary>
    public double StorageLowGb { get; init; } = 1;
    /// <summary><c>HealthInterval</c>: how often health is checked.</summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(15);
    /// <summary><c>Notify:SummaryAt</c> / BT_NOTIFY_SUMMARY_AT: local time of the daily summary.</summary>
    public TimeOnly SummaryAt { get; init; } = new(8, 0);
    /// <summary>Each notifier's rule, by notifier name.</summary>
    public IReadOnlyDictionary<string, NotificationRule> Rules { get; init; } = new Dictionary<string, NotificationRule>(StringComparer.OrdinalIgnoreCase);
}
