using System.Runtime.CompilerServices;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;

namespace Baktainer.Storage.Local;

/// <summary>
/// Backups as files under a folder, in the original tool's layout
/// (<c>&lt;dir&gt;/&lt;yyyy-MM-dd&gt;/&lt;name&gt;-&lt;unix seconds&gt;.sql.gz</c>) with a JSON manifest beside each.
/// Partial data lives under hidden <c>.*.partial</c> names until committed.
/// </summary>
internal sealed class LocalStorageTarget(string name, LocalStorageOptions options) : IStorageTarget, IManifestUpdater, IStorageHealth, IStorageKeyLookup
{
    public string Name => name;
    public string Root => options.Path;

    public Task<StorageHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var health = LocalStorageHealth.Check(Root);
        var minimum = (long)(options.MinFreeSpaceGb * 1024 * 1024 * 1024);
        return Task.FromResult(health.Problem is null && health.FreeBytes < minimum
            ? health with { Problem = $"only {health.FreeBytes / (1024.0 * 1024 * 1024):0.00} GB free on the device holding '{Root}', below BT_MIN_FREE_SPACE_GB={options.MinFreeSpaceGb}" }
            : health);
    }

    public Task<IStorageUpload> BeginUploadAsync(string key, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Resolve(key))!;
        try
        {
            PartialFile.CreateFolder(folder, options.FolderMode);
            EnsureFreeSpace();
            // The temporary reserves the name; FileShare.None takes an exclusive lock, which tells start-up cleanup the file is live.
            var (freeKey, path, temp, stream) = CollisionFreeKey.Reserve(key, Resolve, t => PartialFile.Create(t, options.FileMode, FileOptions.Asynchronous, 1 << 20));
            return Task.FromResult<IStorageUpload>(new LocalUpload(freeKey, path, temp, stream, Root, options.FileMode));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DiskErrors.Explain(e, Root, "starting a backup");
        }
    }

    public Task<bool> IsTakenAsync(string key, CancellationToken cancellationToken) => Task.FromResult(CollisionFreeKey.IsTaken(Resolve(key)));

    public async IAsyncEnumerable<StoredBackup> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.Split('/').Any(s => s.StartsWith('.')) || relative.EndsWith(ManifestJson.Suffix, StringComparison.Ordinal)) continue;
            if (relative.EndsWith(LegacyMeta.Suffix, StringComparison.Ordinal) && File.Exists(file[..^LegacyMeta.Suffix.Length])) continue;
            var info = new FileInfo(file);
            var manifest = await ReadManifestAsync(file, cancellationToken).ConfigureAwait(false)
                           ?? await LegacyMeta.TryReadAsync(file, relative, cancellationToken).ConfigureAwait(false);
            yield return new StoredBackup(relative, info.Length, info.LastWriteTimeUtc, manifest);
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = Resolve(key);
        if (!File.Exists(path)) throw new BaktainerException($"no backup '{key}' in local storage '{name}' ({Root})");
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = Resolve(key);
        File.Delete(path + ManifestJson.Suffix);
        File.Delete(path + LegacyMeta.Suffix);
        File.Delete(path);
        return Task.CompletedTask;
    }

    public async Task UpdateManifestAsync(string key, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var path = Resolve(key);
        if (!File.Exists(path)) throw new BaktainerException($"no backup '{key}' in local storage '{name}' ({Root})");
        string? temp = null;
        try
        {
            temp = await PartialFile.WriteDurablyAsync(path + ManifestJson.Suffix, ManifestJson.Serialize(manifest), options.FileMode, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path + ManifestJson.Suffix, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (temp is not null) File.Delete(temp);
            throw DiskErrors.Explain(e, Root, "updating a manifest");
        }
    }

    /// <summary>Removes partial files a crashed or killed run left behind (never one still being written).</summary>
    public int CleanTemporaries()
    {
        if (!Directory.Exists(Root)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Root, "*" + PartialFile.Suffix, SearchOption.AllDirectories))
        {
            try
            {
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                File.Delete(file);
                removed++;
            }
            catch (IOException)
            {
                // Locked: another Baktainer process is writing it right now.
            }
        }
        return removed;
    }

    private string Resolve(string key)
    {
        var segments = StorageKeys.Segments(key);
        var path = Path.GetFullPath(Path.Combine([Root, .. segments]));
        if (!path.StartsWith(Root.TrimEnd('/') + "/", StringComparison.Ordinal))
            throw new BaktainerException($"storage key '{key}' would leave the backup folder '{Root}'");
        return path;
    }

    private void EnsureFreeSpace()
    {
        if (options.MinFreeSpaceGb <= 0) return;
        var free = new DriveInfo(Root).AvailableFreeSpace / (1024.0 * 1024 * 1024);
        if (free < options.MinFreeSpaceGb)
            throw new BaktainerException($"only {free:0.00} GB free on the device holding '{Root}', below BT_MIN_FREE_SPACE_GB={options.MinFreeSpaceGb}; backup not started");
    }

    private static async Task<BackupManifest?> ReadManifestAsync(string file, CancellationToken cancellationToken)
    {
        var sidecar = file + ManifestJson.Suffix;
        if (!File.Exists(sidecar)) return null;
        try { return ManifestJson.TryParse(await File.ReadAllBytesAsync(sidecar, cancellationToken).ConfigureAwait(false)); }
        catch (IOException) { return null; }
    }
}
