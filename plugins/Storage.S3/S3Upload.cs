using Amazon.S3.Model;
using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.Logging;

namespace Baktainer.Storage.S3;

/// <summary>
/// One backup going to S3. The data goes up as a multipart upload; commit completes it and then
/// writes the manifest object, which is what makes the backup exist for <c>backups</c>, <c>verify</c>,
/// <c>restore</c> and retention. Dispose without commit aborts the multipart upload, or deletes the
/// data object when it was completed but its manifest could not be written.
/// </summary>
internal sealed class S3Upload(S3Bucket bucket, string key, ILogger logger) : IStorageUpload
{
    private readonly PartUploadStream _content = new(bucket, bucket.ObjectKey(key));
    private bool _committed;

    public string Key => key;
    public Stream Content => _content;

    public async Task CommitAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        await _content.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await S3Manifests.WriteAsync(bucket, key, manifest, cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            if (await _content.AbortAsync().ConfigureAwait(false) is { } problem)
                logger.LogWarning("Could not abort the upload of {Key}: {Problem}", key, problem);
            if (_content.Completed) await DeleteDataAsync().ConfigureAwait(false);
        }
        await _content.DisposeAsync().ConfigureAwait(false);
    }

    private async Task DeleteDataAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await bucket.Client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket.Options.Bucket, Key = bucket.ObjectKey(key) }, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not remove {Key}, uploaded without its manifest (it is not listed as a backup): {Problem}", key, bucket.Fail(e, "removing it").Message);
        }
    }
}
