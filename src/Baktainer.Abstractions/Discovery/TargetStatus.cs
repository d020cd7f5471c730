namespace Baktainer.Abstractions.Discovery;

/// <summary>Whether a discovered target can be backed up.</summary>
public enum TargetStatus
{
    /// <summary>Labels are valid and the database is running.</summary>
    Ready,
    /// <summary>Labels have errors; see <see cref="BackupTarget.Problems"/>. Not backed up.</summary>
    InvalidLabels,
    /// <summary>The container or process is not running. Not backed up.</summary>
    NotRunning,
}
