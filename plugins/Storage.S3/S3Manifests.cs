using Amazon.S3.Model;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;

namespace Baktainer.Storage.S3;

/// <summary>Reads and writes the manifest object beside a backup (<c>&lt;key&gt;.json</c>).</summary>
internal static class S3Manifests
{
    public static async Task WriteAsync(S3Bucket bucket, string key, BackupManifest manifest, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(ManifestJson.Serialize(manifest), writable: false);
        var request = bucket.NewPut(bucket.ObjectKey(key) + ManifestJson.Suffix, content);
        request.ContentType = "application/json";
        try { await bucket.Client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested) { throw bucket.Fail(e, "writing the manifest"); }
    }

    /// <summary>The manifest, or null when it is not valid JSON.</summary>
    /// <exception cref="BaktainerException">It cannot be read.</exception>
    public static async Task<BackupManifest?> ReadAsync(S3Bucket bucket, string objectKey, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await bucket.Client.GetObjectAsync(bucket.Options.Bucket, objectKey, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return ManifestJson.TryParse(buffer.ToArray());
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested) { throw bucket.Fail(e, $"reading manifest {objectKey}"); }
    }
}
