using System.Runtime.CompilerServices;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;

namespace Example.Baktainer.Storage;

/// <summary>
/// Backups as files in a folder: <c>&lt;folder&gt;/&lt;key&gt;</c>, each with its manifest beside it
/// (<c>&lt;key&gt;.json</c>). Uploads stay invisible until committed (see <see cref="FolderUpload"/>). Thread-safe.
/// </summary>
public sealed class FolderStorage(string name, string folder) : IStorageTarget, IStorageCheck, IStorageKeyLookup
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public Task<IStorageUpload> BeginUploadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return Task.FromResult<IStorageUpload>(new FolderUpload(Subject, key, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BaktainerException($"{Subject}: cannot write {key}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredBackup> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var isManifest = file.EndsWith(ManifestJson.Suffix, StringComparison.Ordinal) && File.Exists(file[..^ManifestJson.Suffix.Length]);
            if (isManifest || file.EndsWith(FolderUpload.PartialSuffix, StringComparison.Ordinal)) continue;
            var manifestPath = file + ManifestJson.Suffix;
            var manifest = File.Exists(manifestPath) ? ManifestJson.TryParse(await File.ReadAllBytesAsync(manifestPath, cancellationToken).ConfigureAwait(false)) : null;
            var info = new FileInfo(file);
            yield return new StoredBackup(Path.GetRelativePath(folder, file).Replace('\\', '/'), info.Length, info.LastWriteTimeUtc, manifest);
        }
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) throw new BaktainerException($"{Subject}: no backup {key}");
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        File.Delete(path);
        File.Delete(path + ManifestJson.Suffix);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> IsTakenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult(File.Exists(path) || File.Exists(path + ManifestJson.Suffix) || File.Exists(path + FolderUpload.PartialSuffix));
    }

    /// <inheritdoc />
    public Task CheckAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder)) throw new BaktainerException($"{Subject}: folder {folder} does not exist");
        var probe = Path.Combine(folder, $".write-check-{Guid.NewGuid():N}{FolderUpload.PartialSuffix}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BaktainerException($"{Subject}: folder {folder} is not writable: {e.Message}", e);
        }
        return Task.CompletedTask;
    }

    private string Subject => $"{FolderStorageFactory.TypeName} storage '{name}'";

    /// <summary>The file of <paramref name="key"/>; a key that would leave the folder is refused.</summary>
    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(folder, key));
        if (Path.IsPathRooted(key) || key.Split('/').Any(part => part is "" or "." or "..") || !path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new BaktainerException($"{Subject}: invalid key \"{key}\"; expected a relative path inside the folder");
        return path;
    }
}
