namespace Baktainer.Abstractions.Engines;

/// <summary>
/// Optional on an <see cref="IBackupStrategy"/>: restores backups made by other engine names too
/// (e.g. the MySQL engine restores a MariaDB dump). Without it, a strategy restores only backups
/// of its own <see cref="IBackupStrategy.Engine"/> and <see cref="IBackupStrategy.Aliases"/>.
/// </summary>
public interface IRestoreCompatibility
{
    /// <summary>Whether a backup recorded with engine <paramref name="backupEngine"/> can be restored by this strategy.</summary>
    bool CanRestore(string backupEngine);
}
