namespace Baktainer.Abstractions.Labels;

/// <summary>The order of targets in the backup queue (<c>baktainer.backup.priority</c>).</summary>
public enum BackupPriority
{
    /// <summary>Runs after the others.</summary>
    Low = 0,
    /// <summary>The default.</summary>
    Normal = 1,
    /// <summary>Runs before normal targets.</summary>
    High = 2,
    /// <summary>Runs first.</summary>
    Critical = 3,
}
