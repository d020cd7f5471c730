using Amazon.S3.Model;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Storage.S3;

/// <summary>An object's content as it streams from the server; network failures name the storage and key.</summary>
internal sealed class S3ReadStream(GetObjectResponse response, S3Bucket bucket, string key) : ReadOnlyStream
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try { return await response.ResponseStream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or HttpRequestException) { throw bucket.Fail(e, $"reading {key}"); }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) response.Dispose();
        base.Dispose(disposing);
    }
}
