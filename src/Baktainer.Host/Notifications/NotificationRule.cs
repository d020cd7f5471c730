using Baktainer.Abstractions.Notifications;

namespace Baktainer.Host.Notifications;

/// <summary>
/// Which events one notifier hears (<c>Events</c>), after how many consecutive failures it is
/// alerted (<c>MinFailures</c>) and whether it hears when a failing target works again (<c>Recovery</c>).
/// </summary>
internal sealed record NotificationRule(IReadOnlySet<BackupEventKind> Events, int MinFailures = 1, bool Recovery = true)
{
    /// <summary>The names users write in <c>Events</c>, and the BT_NOTIFY_* groups.</summary>
    public static IReadOnlyDictionary<string, BackupEventKind> Names { get; } = Enum.GetValues<BackupEventKind>()
        .ToDictionary(k => Snake(k.ToString()), k => k, StringComparer.OrdinalIgnoreCase);

    public static readonly BackupEventKind[] SuccessGroup = [BackupEventKind.Succeeded, BackupEventKind.Verified, BackupEventKind.Pruned];
    public static readonly BackupEventKind[] FailureGroup = [BackupEventKind.Failed, BackupEventKind.VerificationFailed];
    public static readonly BackupEventKind[] WarningGroup = [BackupEventKind.Overdue, BackupEventKind.StorageLow];
    public static readonly BackupEventKind[] HealthGroup = [BackupEventKind.DockerUnreachable, BackupEventKind.DaemonStarted, BackupEventKind.DaemonStopped];

    /// <summary>Whether this notifier hears <paramref name="backupEvent"/>, given the target's failures before it.</summary>
    /// <returns>The event to send (a success after alerted failures becomes <see cref="BackupEventKind.Recovered"/>), or null.</returns>
    public BackupEvent? Apply(BackupEvent backupEvent, int failuresBefore)
    {
        if (backupEvent.Kind == BackupEventKind.Succeeded && Recovery && failuresBefore >= MinFailures && Events.Overlaps(FailureGroup))
            return backupEvent with { Kind = BackupEventKind.Recovered, Message = $"{backupEvent.Message} (recovered after {failuresBefore} failure(s) in a row)" };
        if (backupEvent.Kind == BackupEventKind.Recovered && backupEvent.Target.Length == 0)
            return Events.Contains(BackupEventKind.DockerUnreachable) || Events.Contains(BackupEventKind.Recovered) ? backupEvent : null;
        if (!Events.Contains(backupEvent.Kind)) return null;
        if (backupEvent.Kind is BackupEventKind.Failed or BackupEventKind.VerificationFailed && backupEvent.ConsecutiveFailures > 0 && backupEvent.ConsecutiveFailures < MinFailures) return null;
        return backupEvent;
    }

    private static string Snake(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
