using Baktainer.Abstractions.Storage;

namespace Baktainer.Storage.Local;

/// <summary>Whether a local backup folder can take a new backup now: it exists (or can be made), a file can be created in it, and its free space.</summary>
internal static class LocalStorageHealth
{
    public static StorageHealth Check(string root)
    {
        long? free = null;
        try
        {
            Directory.CreateDirectory(root);
            free = new DriveInfo(root).AvailableFreeSpace;
            var probe = Path.Combine(root, $".baktainer-health-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            return new StorageHealth(free, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new StorageHealth(free, DiskErrors.Explain(e, root, "checking that a backup can be written").Message);
        }
    }
}
