namespace Baktainer.Abstractions.Storage;

/// <summary>
/// Optional capability of an <see cref="IStorageTarget"/>: replaces a committed backup's manifest
/// atomically (used to record a verification that ran after the commit).
/// </summary>
public interface IManifestUpdater
{
    /// <summary>Replaces the manifest of <paramref name="key"/>; readers see the old or the new one, never a mix.</summary>
    /// <exception cref="BaktainerException">No such backup, or the write failed.</exception>
    Task UpdateManifestAsync(string key, BackupManifest manifest, CancellationToken cancellationToken);
}
