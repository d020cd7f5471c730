using Baktainer.Abstractions.Storage;

namespace Baktainer.Storage.Local;

/// <summary>
/// Keeps the original naming (<c>&lt;name&gt;-&lt;unix seconds&gt;&lt;ext&gt;</c>) and adds <c>-2</c>, <c>-3</c>, ...
/// after the seconds (<see cref="BackupKeySuffix"/>) only when a backup of that name, or one being
/// written under it, already exists. The key is reserved by creating its temporary file, which only
/// one writer can do, so two backups of one target in the same second (even from two processes)
/// never get the same name.
/// </summary>
internal static class CollisionFreeKey
{
    /// <summary>The temporary that reserves <paramref name="finalPath"/> while it is written.</summary>
    public static string Reservation(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}{PartialFile.Suffix}");

    /// <summary>Whether a backup exists under <paramref name="finalPath"/> or is being written to it.</summary>
    public static bool IsTaken(string finalPath) =>
        File.Exists(finalPath) || File.Exists(finalPath + ManifestJson.Suffix) || File.Exists(Reservation(finalPath));

    /// <param name="key">The key the host asked for.</param>
    /// <param name="resolve">Maps a key to its file path.</param>
    /// <param name="create">Creates a temporary file that must not exist yet (fails with <see cref="IOException"/> if it does).</param>
    /// <returns>The first free key, its path, and its temporary opened for writing.</returns>
    public static (string Key, string Path, string Temp, FileStream Stream) Reserve(string key, Func<string, string> resolve, Func<string, FileStream> create)
    {
        for (var attempt = 1; attempt <= BackupKeySuffix.MaxAttempts; attempt++)
        {
            var candidate = BackupKeySuffix.Add(key, attempt);
            var path = resolve(candidate);
            var temp = Reservation(path);
            FileStream stream;
            try { stream = create(temp); }
            catch (IOException) when (File.Exists(temp)) { continue; } // another writer holds this name
            if (!File.Exists(path) && !File.Exists(path + ManifestJson.Suffix)) return (candidate, path, temp, stream);
            stream.Dispose();
            File.Delete(temp);
        }
        throw new Abstractions.BaktainerException($"more than {BackupKeySuffix.MaxAttempts} backups named '{key}' in one second; not writing another");
    }
}
