namespace Baktainer.Host.Backup;

/// <summary>Receives progress of running backups (a terminal display, or log lines). Called from several threads.</summary>
internal interface IBackupProgress
{
    void Started(string target);
    void Advanced(string target, long rawBytes);
    void Finished(BackupOutcome outcome);
}
