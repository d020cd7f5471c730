using Baktainer.Abstractions.Storage;

namespace Baktainer.Host.Restore;

/// <summary>A stored backup and the storage target holding it.</summary>
internal sealed record LocatedBackup(IStorageTarget Storage, StoredBackup Backup)
{
    public string Describe => $"{Storage.Name}:{Backup.Key}";

    /// <summary>Whether its manifest names one of <paramref name="targets"/>; every backup when none are given.</summary>
    public bool BelongsTo(IReadOnlyCollection<string> targets) =>
        targets.Count == 0 || (Backup.Manifest is { } manifest && targets.Contains(manifest.Target, StringComparer.OrdinalIgnoreCase));
}
