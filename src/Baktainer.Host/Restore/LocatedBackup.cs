using Baktainer.Abstractions.Storage;

namespace Baktainer.Host.Restore;

/// <summary>A stored backup and the storage target holding it.</summary>
internal sealed record LocatedBackup(IStorageTarget Storage, StoredBackup Backup)
{
    public string Describe => $"{Storage.Name}:{Backup.Key}";
}
