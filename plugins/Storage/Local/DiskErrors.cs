using Baktainer.Abstractions;

namespace Baktainer.Storage.Local;

/// <summary>Turns file-system exceptions into messages that say where and why.</summary>
internal static class DiskErrors
{
    private const int NoSpace = 28;   // ENOSPC
    private const int QuotaExceeded = 122; // EDQUOT
    private const int ReadOnlyFs = 30; // EROFS

    public static BaktainerException Explain(Exception e, string folder, string action) => e switch
    {
        IOException io when (io.HResult & 0xFFFF) is NoSpace or QuotaExceeded || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) =>
            new BaktainerException($"disk full: no space left on the device holding '{folder}' while {action}; nothing was kept", e),
        IOException io when (io.HResult & 0xFFFF) == ReadOnlyFs || io.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) =>
            new BaktainerException($"backup folder '{folder}' is on a read-only file system; nothing can be written there (while {action})", e),
        _ when BlockingFile(folder) is { } file =>
            new BaktainerException($"backup folder '{folder}' cannot be used: '{file}' is a file, not a folder; set BT_BACKUP_DIR (or the storage's Path) to a folder", e),
        UnauthorizedAccessException =>
            new BaktainerException($"backup folder '{folder}' is not writable by this process (permission denied while {action}); check BT_BACKUP_DIR and its owner", e),
        _ => new BaktainerException($"cannot write to backup folder '{folder}' while {action}: {e.Message}", e),
    };

    /// <summary>The folder itself, or the nearest of its parents, when it is a file.</summary>
    private static string? BlockingFile(string folder)
    {
        for (var path = folder; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path)) return path;
            if (Directory.Exists(path)) return null;
        }
        return null;
    }
}
