using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.Logging;

namespace Baktainer.Storage.S3;

/// <summary>
/// Backups as objects in an S3-compatible bucket, in the local layout under the prefix
/// (<c>&lt;prefix&gt;&lt;yyyy-MM-dd&gt;/&lt;name&gt;-&lt;unix seconds&gt;.sql.gz</c> + <c>.json</c>).
/// A backup exists only once its manifest object does: the manifest is written last.
/// </summary>
internal sealed class S3StorageTarget(S3Bucket bucket, LeftoverUploads leftovers, ILogger logger) : IStorageTarget, IManifestUpdater, IStorageCheck, IStorageKeyLookup, IDisposable
{
    public string Name => bucket.StorageName;

    public async Task<IStorageUpload> BeginUploadAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeysCheck(key);
        await leftovers.AbortOnceAsync(cancellationToken).ConfigureAwait(false);
        return new S3Upload(bucket, key, logger);
    }

    /// <summary>Whether the data object or the manifest object exists (a multipart upload in progress is not visible to S3 clients).</summary>
    public async Task<bool> IsTakenAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeysCheck(key);
        foreach (var objectKey in new[] { bucket.ObjectKey(key), bucket.ObjectKey(key) + ManifestJson.Suffix })
        {
            try
            {
                await bucket.Client.GetObjectMetadataAsync(bucket.Options.Bucket, objectKey, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket") { }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested) { throw bucket.Fail(e, $"looking for {objectKey}"); }
        }
        return false;
    }

    public async IAsyncEnumerable<StoredBackup> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var objects = await ListObjectsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (key, item) in objects)
        {
            if (key.EndsWith(ManifestJson.Suffix, StringComparison.Ordinal) || !objects.ContainsKey(key + ManifestJson.Suffix)) continue;
            var manifest = await S3Manifests.ReadAsync(bucket, bucket.ObjectKey(key) + ManifestJson.Suffix, cancellationToken).ConfigureAwait(false);
            yield return new StoredBackup(key, item.Size ?? 0, new DateTimeOffset(item.LastModified ?? default, TimeSpan.Zero), manifest);
        }
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeysCheck(key);
        try
        {
            var response = await bucket.Client.GetObjectAsync(bucket.Options.Bucket, bucket.ObjectKey(key), cancellationToken).ConfigureAwait(false);
            return new S3ReadStream(response, bucket, key);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
        {
            throw new BaktainerException($"no backup '{key}' in s3 storage '{Name}' ({bucket.Options.Describe})", e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested) { throw bucket.Fail(e, $"opening {key}"); }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeysCheck(key);
        // The manifest first: a backup whose data delete fails is then no longer listed as complete.
        foreach (var objectKey in new[] { bucket.ObjectKey(key) + ManifestJson.Suffix, bucket.ObjectKey(key) })
        {
            try { await bucket.Client.DeleteObjectAsync(bucket.Options.Bucket, objectKey, cancellationToken).ConfigureAwait(false); }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested) { throw bucket.Fail(e, $"deleting {objectKey}"); }
        }
    }

    public Task UpdateManifestAsync(string key, BackupManifest manifest, CancellationToken cancellationToken) =>
        S3Manifests.WriteAsync(bucket, key, manifest, cancellationToken);

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await bucket.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket.Options.Bucket, Prefix = bucket.Options.Prefix, MaxKeys = 1 }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested) { throw bucket.Fail(e, "checking the bucket"); }
    }

    public void Dispose() => bucket.Dispose();

    private async Task<SortedDictionary<string, S3Object>> ListObjectsAsync(CancellationToken cancellationToken)
    {
        var objects = new SortedDictionary<string, S3Object>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = bucket.Options.Bucket, Prefix = bucket.Options.Prefix };
        try
        {
            ListObjectsV2Response page;
            do
            {
                page = await bucket.Client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                foreach (var item in page.S3Objects ?? [])
                {
                    var key = item.Key[bucket.Options.Prefix.Length..];
                    if (key.Split('/').All(s => s.Length > 0 && !s.StartsWith('.'))) objects[key] = item;
                }
                request.ContinuationToken = page.NextContinuationToken;
            } while (page.IsTruncated == true);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested) { throw bucket.Fail(e, "listing backups"); }
        return objects;
    }

    private void StorageKeysCheck(string key)
    {
        if (key.Length == 0 || key.Contains('\\') || key.Split('/').Any(s => s.Length == 0 || s.StartsWith('.')))
            throw new BaktainerException($"storage key '{key}' is not a safe relative path for s3 storage '{Name}'");
    }
}
