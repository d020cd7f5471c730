namespace Baktainer.Abstractions.Storage;

/// <summary>
/// One backup being written. Nothing is visible to readers until <see cref="CommitAsync"/>
/// succeeds. Disposing without committing aborts: nothing visible, nothing left behind.
/// Not thread-safe: one writer.
/// </summary>
public interface IStorageUpload : IAsyncDisposable
{
    /// <summary>
    /// The storage key the backup will have once committed: the key asked for, or another one when
    /// that key was taken meanwhile (the host then tries the next key for every copy; see <see cref="IStorageKeyLookup"/>).
    /// </summary>
    string Key { get; }

    /// <summary>Where to write the backup bytes. Write-only, not seekable.</summary>
    Stream Content { get; }

    /// <summary>
    /// Makes the backup and its manifest visible atomically (durably written first).
    /// </summary>
    /// <exception cref="BaktainerException">Writing failed (disk full, permission denied); nothing is visible.</exception>
    Task CommitAsync(BackupManifest manifest, CancellationToken cancellationToken);
}
