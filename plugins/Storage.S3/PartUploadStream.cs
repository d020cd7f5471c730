using Amazon.S3.Model;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Storage.S3;

/// <summary>
/// Write-only stream that uploads what it is given as a multipart upload: it fills one part buffer,
/// hands full parts to background uploads (at most <c>PartsInFlight</c> at once, so a slow server
/// slows the writer instead of growing memory) and reuses their buffers. No temporary file; memory
/// is about (parts in flight + 1) × part size whatever the dump size. A dump smaller than one part
/// goes up as a single PUT. Nothing is visible in the bucket until <see cref="CompleteAsync"/>.
/// </summary>
internal sealed class PartUploadStream : WriteOnlyStream
{
    private readonly S3Bucket _bucket;
    private readonly string _objectKey;
    private readonly PartSizer _sizer;
    private readonly SemaphoreSlim _slots;
    private readonly PartBufferPool _buffers = new();
    private readonly List<Task<PartETag>> _parts = [];
    private readonly CancellationTokenSource _abort = new();
    private byte[]? _current;
    private int _filled;
    private long _uploaded;
    private Exception? _failure;

    public PartUploadStream(S3Bucket bucket, string objectKey)
    {
        _bucket = bucket;
        _objectKey = objectKey;
        _sizer = new PartSizer(bucket.Options.PartSizeMiB * 1024 * 1024);
        _slots = new SemaphoreSlim(bucket.Options.PartsInFlight);
    }

    /// <summary>The multipart upload id once one was started.</summary>
    public string? UploadId { get; private set; }

    /// <summary>Whether the object exists in the bucket (after <see cref="CompleteAsync"/>).</summary>
    public bool Completed { get; private set; }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            ThrowIfFailed();
            _current ??= _buffers.Rent(_sizer.SizeOf(_parts.Count + 1, _uploaded));
            var take = Math.Min(buffer.Length, _current.Length - _filled);
            buffer[..take].CopyTo(_current.AsMemory(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == _current.Length) await SendCurrentAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer) => WriteAsync(buffer.ToArray()).AsTask().GetAwaiter().GetResult();

    /// <summary>Uploads what is left and makes the object visible (complete multipart upload, or one PUT for a small dump).</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        ThrowIfFailed();
        if (UploadId is null)
        {
            using var content = new MemoryStream(_current ?? [], 0, _filled, writable: false);
            try { await _bucket.Client.PutObjectAsync(_bucket.NewPut(_objectKey, content), cancellationToken).ConfigureAwait(false); }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested) { throw _bucket.Fail(e, "uploading the backup"); }
            Completed = true;
            return;
        }
        if (_filled > 0) await SendCurrentAsync(cancellationToken).ConfigureAwait(false);
        PartETag[] etags;
        try { etags = await Task.WhenAll(_parts).ConfigureAwait(false); }
        catch { ThrowIfFailed(); throw; }
        try
        {
            await _bucket.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket.Options.Bucket, Key = _objectKey, UploadId = UploadId, PartETags = [.. etags],
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested) { throw _bucket.Fail(e, "completing the multipart upload"); }
        Completed = true;
    }

    /// <summary>Stops the part uploads and aborts the multipart upload, so the server drops its parts.</summary>
    /// <returns>Null, or why the abort request failed (the server may keep the parts until its own clean-up).</returns>
    public async Task<string?> AbortAsync()
    {
        await _abort.CancelAsync().ConfigureAwait(false);
        try { await Task.WhenAll(_parts).ConfigureAwait(false); }
        catch { /* cancelled or failed parts: the upload is aborted below */ }
        if (UploadId is null || Completed) return null;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _bucket.Client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket.Options.Bucket, Key = _objectKey, UploadId = UploadId }, timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception e)
        {
            return _bucket.Fail(e, "aborting the multipart upload").Message;
        }
    }

    private async Task SendCurrentAsync(CancellationToken cancellationToken)
    {
        var partNumber = _parts.Count + 1;
        if (partNumber > PartSizer.MaxParts)
            throw new BaktainerException($"s3 storage '{_bucket.StorageName}': the dump needs more than {PartSizer.MaxParts} parts; raise PartSizeMiB (now {_bucket.Options.PartSizeMiB})");
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfFailed();
            UploadId ??= await StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _slots.Release();
            throw;
        }
        var (buffer, length) = (_current!, _filled);
        _current = null;
        _filled = 0;
        _uploaded += length;
        _parts.Add(Task.Run(() => UploadPartAsync(partNumber, buffer, length), CancellationToken.None));
    }

    private async Task<string> StartAsync(CancellationToken cancellationToken)
    {
        try { return (await _bucket.Client.InitiateMultipartUploadAsync(_bucket.NewMultipart(_objectKey), cancellationToken).ConfigureAwait(false)).UploadId; }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested) { throw _bucket.Fail(e, "starting a multipart upload"); }
    }

    private async Task<PartETag> UploadPartAsync(int partNumber, byte[] buffer, int length)
    {
        try
        {
            using var content = new MemoryStream(buffer, 0, length, writable: false);
            var response = await _bucket.Client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = _bucket.Options.Bucket, Key = _objectKey, UploadId = UploadId, PartNumber = partNumber,
                InputStream = content, UseChunkEncoding = false,
            }, _abort.Token).ConfigureAwait(false);
            return new PartETag(partNumber, response.ETag);
        }
        catch (Exception e)
        {
            if (!_abort.IsCancellationRequested) Interlocked.CompareExchange(ref _failure, _bucket.Fail(e, $"uploading part {partNumber}"), null);
            throw;
        }
        finally
        {
            _buffers.Return(buffer);
            _slots.Release();
        }
    }

    private void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } failure) throw failure;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _abort.Dispose();
            _slots.Dispose();
        }
        base.Dispose(disposing);
    }
}
