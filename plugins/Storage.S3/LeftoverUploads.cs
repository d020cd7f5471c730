using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

namespace Baktainer.Storage.S3;

/// <summary>
/// Aborts multipart uploads a crashed or killed run left under the prefix, once per process, before
/// its first upload. Only uploads older than <c>AbortUploadsOlderThanHours</c> are touched, so a
/// backup another Baktainer is running right now is left alone. Servers that cannot list uploads
/// (s3rver) are skipped with a debug message.
/// </summary>
internal sealed class LeftoverUploads(S3Bucket bucket, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1);
    private bool _done;

    public async Task AbortOnceAsync(CancellationToken cancellationToken)
    {
        if (_done) return;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_done) return;
            _done = true;
            var aborted = await AbortOldAsync(cancellationToken).ConfigureAwait(false);
            if (aborted > 0) logger.LogWarning("s3 storage '{Storage}': aborted {Count} multipart upload(s) left by an interrupted backup", bucket.StorageName, aborted);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented || e.ErrorCode is "NotImplemented" or "MethodNotAllowed")
        {
            logger.LogDebug("s3 storage '{Storage}': the server cannot list multipart uploads ({Code}); leftovers of interrupted backups are not cleaned", bucket.StorageName, e.ErrorCode);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("s3 storage '{Storage}': could not look for leftover multipart uploads: {Reason}", bucket.StorageName, bucket.Fail(e, "listing multipart uploads").Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> AbortOldAsync(CancellationToken cancellationToken)
    {
        var cutoff = bucket.Time.GetUtcNow().UtcDateTime.AddHours(-bucket.Options.AbortUploadsOlderThanHours);
        var request = new ListMultipartUploadsRequest { BucketName = bucket.Options.Bucket, Prefix = bucket.Options.Prefix };
        var old = new List<MultipartUpload>();
        ListMultipartUploadsResponse page;
        do
        {
            page = await bucket.Client.ListMultipartUploadsAsync(request, cancellationToken).ConfigureAwait(false);
            old.AddRange((page.MultipartUploads ?? []).Where(u => u.Initiated is { } initiated && initiated.ToUniversalTime() < cutoff));
            request.KeyMarker = page.NextKeyMarker;
            request.UploadIdMarker = page.NextUploadIdMarker;
        } while (page.IsTruncated == true);
        foreach (var upload in old)
            await bucket.Client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket.Options.Bucket, Key = upload.Key, UploadId = upload.UploadId }, cancellationToken).ConfigureAwait(false);
        return old.Count;
    }
}
