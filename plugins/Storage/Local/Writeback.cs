using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Baktainer.Storage.Local;

/// <summary>
/// Starts the kernel's write-back of a file being written every 8 MiB, without waiting for it
/// (Linux <c>sync_file_range</c> with <c>SYNC_FILE_RANGE_WRITE</c>), so a large backup reaches the
/// disk while it is still being written and the fsync at commit has little left to do. Elsewhere,
/// or where the call is refused, it does nothing: the commit's fsync is what makes a backup durable.
/// </summary>
internal sealed class Writeback(SafeFileHandle file)
{
    private const long Every = 8 << 20;
    private const long BufferedAtMost = 2 << 20; // more than the file stream's buffer: the next range overlaps what may still be buffered
    private const uint SyncFileRangeWrite = 2;
    private long _written;
    private long _from;

    /// <summary>Counts the bytes handed to the file's stream, and starts write-back once 8 MiB have gathered.</summary>
    public void Written(int count)
    {
        _written += count;
        if (_written - _from < Every) return;
        Start(_from);
        _from = Math.Max(0, _written - BufferedAtMost);
    }

    /// <summary>Starts write-back of everything from <paramref name="offset"/> to the end of the file.</summary>
    private void Start(long offset)
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
