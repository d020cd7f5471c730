using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;

namespace Example.Baktainer.Storage;

/// <summary>
/// One backup being written to <c>&lt;key&gt;.partial</c> (owner-only permissions). Commit flushes it to
/// disk, puts the manifest in place and then renames the backup, so a listing never sees a backup
/// without its manifest. Disposing without a commit deletes what was written.
/// </summary>
public sealed class FolderUpload : IStorageUpload
{
    /// <summary>The suffix of files still being written; listings skip them.</summary>
    public const string PartialSuffix = ".partial";

    private readonly string _subject;
    private readonly string _path;
    private readonly FileStream _content;
    private bool _committed;

    /// <summary>Starts writing the backup <paramref name="key"/> at <paramref name="path"/>; <paramref name="subject"/> names the storage in errors.</summary>
    public FolderUpload(string subject, string key, string path)
    {
        _subject = subject;
        Key = key;
        _path = path;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        _content = new FileStream(path + PartialSuffix, options);
    }

    /// <inheritdoc />
    public string Key { get; }

    /// <inheritdoc />
    public Stream Content => _content;

    /// <inheritdoc />
    public async Task CommitAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        try
        {
            await _content.FlushAsync(cancellationToken).ConfigureAwait(false);
            _content.Flush(flushToDisk: true);
            await _content.DisposeAsync().ConfigureAwait(false);
            if (File.Exists(_path)) throw new IOException("a backup with this key exists already");
            var manifestPartial = _path + ManifestJson.Suffix + PartialSuffix;
            await File.WriteAllBytesAsync(manifestPartial, ManifestJson.Serialize(manifest), cancellationToken).ConfigureAwait(false);
            File.Move(manifestPartial, _path + ManifestJson.Suffix, overwrite: true);
            File.Move(_path + PartialSuffix, _path, overwrite: false);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BaktainerException($"{_subject}: cannot commit {Key}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _content.DisposeAsync().ConfigureAwait(false);
        if (_committed) return;
        File.Delete(_path + PartialSuffix);
        File.Delete(_path + ManifestJson.Suffix + PartialSuffix);
    }
}
