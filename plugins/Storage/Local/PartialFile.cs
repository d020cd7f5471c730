namespace Baktainer.Storage.Local;

/// <summary>
/// The hidden temporaries of local storage: <c>.&lt;file&gt;.&lt;guid&gt;.partial</c> beside the file they
/// will become, never listed as backups and removed at start-up when a crash left them.
/// </summary>
internal static class PartialFile
{
    public const string Suffix = ".partial";

    /// <summary>A new temporary name beside <paramref name="finalPath"/>.</summary>
    public static string For(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}{Suffix}");

    /// <summary>
    /// Creates <paramref name="path"/> (which must not exist) for writing with exactly
    /// <paramref name="mode"/>, whatever the umask: born with it, so no other user can open it in between.
    /// </summary>
    public static FileStream Create(string path, UnixFileMode mode, FileOptions options, int bufferSize = 4096)
    {
        var settings = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize, Options = options };
        if (OperatingSystem.IsWindows()) return new FileStream(path, settings);
        settings.UnixCreateMode = mode;
        var stream = new FileStream(path, settings);
        File.SetUnixFileMode(stream.SafeFileHandle, mode); // the umask may have taken bits a looser BT_FILE_MODE asked for
        return stream;
    }

    /// <summary>Creates <paramref name="folder"/> (and missing parents) with <paramref name="mode"/>; existing folders keep theirs.</summary>
    public static void CreateFolder(string folder, UnixFileMode mode)
    {
        if (Directory.Exists(folder)) return;
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(folder); return; }
        Directory.CreateDirectory(folder, mode);
        File.SetUnixFileMode(folder, mode); // exactly, whatever the umask
    }

    /// <summary>Writes a new temporary beside <paramref name="finalPath"/> with <paramref name="content"/>, flushed to disk.</summary>
    /// <returns>The temporary's path, ready to be renamed over the final one; on failure nothing is left.</returns>
    public static async Task<string> WriteDurablyAsync(string finalPath, byte[] content, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var temp = For(finalPath);
        try
        {
            await using var file = Create(temp, mode, FileOptions.None);
            await file.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
            return temp;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
