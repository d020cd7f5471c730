namespace Baktainer.Host.Backup;

/// <summary>Receives progress of running backups (a terminal display, or log lines). Called from several threads.</summary>
internal interface IBackupProgress
{
    /// <param name="target">The backup name.</param>
    /// <param name="totalBytes">The bytes the dump will have, when known in advance; null (a dump's usual case) when not.</param>
    void Started(string target, long? totalBytes = null);

    /// <param name="rawBytes">Bytes the dump tool has written so far.</param>
    void Advanced(string target, long rawBytes);

    void Finished(BackupOutcome outcome);
}
