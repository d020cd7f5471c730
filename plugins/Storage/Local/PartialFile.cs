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

    /// <summary>Writes a new temporary beside <paramref name="finalPath"/> with <paramref name="content"/>, flushed to disk.</summary>
    /// <returns>The temporary's path, ready to be renamed over the final one; on failure nothing is left.</returns>
    public static async Task<string> WriteDurablyAsync(string finalPath, byte[] content, CancellationToken cancellationToken)
    {
        var temp = For(finalPath);
        try
        {
            await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
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
