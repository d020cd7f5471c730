namespace Baktainer.Abstractions.Notifications;

/// <summary>What happened. Each notifier chooses the kinds it is told about (its <c>Events</c>).</summary>
public enum BackupEventKind
{
    /// <summary>A backup started.</summary>
    Started,
    /// <summary>A backup was committed.</summary>
    Succeeded,
    /// <summary>
    /// A backup failed (including before it started: target invalid, container gone); nothing was published,
    /// or only some of its copies (then the event's manifest lists the missing ones in <c>MissingCopies</c>).
    /// </summary>
    Failed,
    /// <summary>A stored backup passed its verification (checksum or restore drill).</summary>
    Verified,
    /// <summary>A stored backup failed its verification.</summary>
    VerificationFailed,
    /// <summary>Old backups were removed by the retention policy.</summary>
    Pruned,
    /// <summary>A target has had no successful backup within its schedule plus the grace period.</summary>
    Overdue,
    /// <summary>A storage target is low on free space.</summary>
    StorageLow,
    /// <summary>The container engine has been unreachable for longer than the threshold.</summary>
    DockerUnreachable,
    /// <summary>The daemon started.</summary>
    DaemonStarted,
    /// <summary>The daemon stopped.</summary>
    DaemonStopped,
    /// <summary>The daily summary of every target.</summary>
    Summary,
    /// <summary>A target (or the container engine) that was failing works again.</summary>
    Recovered,
}
