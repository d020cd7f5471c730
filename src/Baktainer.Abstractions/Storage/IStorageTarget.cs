namespace Baktainer.Abstractions.Storage;

/// <summary>
/// Where backups are kept (local folder, S3 bucket). Keys are relative paths with forward
/// slashes, e.g. <c>2026-11-22/orders-1763769600.sql.gz</c>. Thread-safe.
/// </summary>
public interface IStorageTarget
{
    /// <summary>The configured name of this target (e.g. <c>local</c>).</summary>
    string Name { get; }

    /// <summary>Starts writing a backup under <paramref name="key"/>.</summary>
    /// <exception cref="BaktainerException">The target is not writable; the message says where and why.</exception>
    Task<IStorageUpload> BeginUploadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Lists committed backups (never temporaries), with their manifests where present.</summary>
    IAsyncEnumerable<StoredBackup> ListAsync(CancellationToken cancellationToken);

    /// <summary>Opens a committed backup for reading.</summary>
    /// <exception cref="BaktainerException">No such backup.</exception>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes a backup and its manifest. Deleting a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
