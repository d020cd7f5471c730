using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;

namespace Baktainer.Storage.Local;

/// <summary>
/// One backup being written to a hidden temporary file. Commit fsyncs it, writes the manifest the
/// same way, and renames both into place (data first, so a crash in between leaves a backup whose
/// missing manifest <c>verify</c> reports, never a manifest without data). Dispose without commit
/// deletes the temporaries.
/// </summary>
internal sealed class LocalUpload(string key, string finalPath, string tempPath, FileStream file, string root, UnixFileMode mode) : IStorageUpload
{
    private readonly DiskErrorStream _content = new(file, root);
    private string? _manifestTemp;
    private bool _dataMoved;
    private bool _committed;

    public string Key => key;
    public Stream Content => _content;

    public async Task CommitAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        try
        {
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
            await file.DisposeAsync().ConfigureAwait(false);

            _manifestTemp = await PartialFile.WriteDurablyAsync(finalPath + ManifestJson.Suffix, ManifestJson.Serialize(manifest with { Key = key }), mode, cancellationToken).ConfigureAwait(false);
            // A backup that appeared meanwhile under this name is never overwritten.
            if (File.Exists(finalPath)) throw new BaktainerException($"a backup named '{key}' already exists in '{root}'; not overwritten");
            File.Move(tempPath, finalPath, overwrite: false);
            _dataMoved = true;
            File.Move(_manifestTemp, finalPath + ManifestJson.Suffix, overwrite: true);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DiskErrors.Explain(e, root, "committing the backup");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await file.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException) when (!_committed)
        {
            // Flushing the rest of an aborted upload failed (e.g. disk full): it is deleted below anyway.
        }
        if (_committed) return;
        TryDelete(tempPath);
        if (_manifestTemp is not null) TryDelete(_manifestTemp);
        if (_dataMoved) TryDelete(finalPath); // the data was renamed but its manifest was not: take it back
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
