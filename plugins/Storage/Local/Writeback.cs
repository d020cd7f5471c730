using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Baktainer.Storage.Local;

/// <summary>
/// Starts the kernel's write-back of a file's dirty pages without waiting for it (Linux
/// <c>sync_file_range</c> with <c>SYNC_FILE_RANGE_WRITE</c>), so a large backup reaches the disk
/// while it is still being written and the fsync at commit has little left to do. Elsewhere, or
/// where the call is refused, it does nothing: the commit's fsync is what makes a backup durable.
/// </summary>
internal static class Writeback
{
    private const uint SyncFileRangeWrite = 2;

    /// <summary>Starts write-back of everything from <paramref name="offset"/> to the end of the file.</summary>
    public static void Start(SafeFileHandle file, long offset)
    {
        if (!OperatingSystem.IsLinux()) return;
        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            _ = sync_file_range((int)file.DangerousGetHandle(), offset, 0, SyncFileRangeWrite);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException or ObjectDisposedException)
        {
            // No sync_file_range here: the commit's fsync alone writes the file out.
        }
        finally
        {
            if (added) file.DangerousRelease();
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sync_file_range(int fd, long offset, long nbytes, uint flags);
}
