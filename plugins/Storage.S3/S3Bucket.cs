using Amazon.S3;
using Amazon.S3.Model;

namespace Baktainer.Storage.S3;

/// <summary>
/// One configured bucket and prefix: the client, the entry's name and settings, the object key of
/// a storage key, and the settings every new object gets (storage class, encryption, object lock).
/// </summary>
internal sealed class S3Bucket(string storageName, S3StorageOptions options, IAmazonS3 client, TimeProvider time) : IDisposable
{
    public string StorageName => storageName;
    public S3StorageOptions Options => options;
    public IAmazonS3 Client => client;
    public TimeProvider Time => time;

    public string ObjectKey(string key) => options.Prefix + key;

    public Exception Fail(Exception e, string action) => S3Errors.Explain(e, storageName, options, action);

    public PutObjectRequest NewPut(string objectKey, Stream content) => Apply(new PutObjectRequest
    {
        BucketName = options.Bucket,
        Key = objectKey,
        InputStream = content,
        AutoCloseStream = false,
        // AWSSDK v4's chunked payload signing is stored verbatim by some S3-compatible servers.
        UseChunkEncoding = false,
    });

    public InitiateMultipartUploadRequest NewMultipart(string objectKey)
    {
        var request = new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = objectKey };
        if (options.StorageClass is { } storageClass) request.StorageClass = S3StorageClass.FindValue(storageClass);
        if (options.ServerSideEncryption is { } sse) request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.FindValue(sse);
        if (options.KmsKeyId is { } kms) request.ServerSideEncryptionKeyManagementServiceKeyId = kms;
        if (options.ObjectLockMode is { } mode)
        {
            request.ObjectLockMode = ObjectLockMode.FindValue(mode);
            request.ObjectLockRetainUntilDate = RetainUntil();
        }
        return request;
    }

    private PutObjectRequest Apply(PutObjectRequest request)
    {
        if (options.StorageClass is { } storageClass) request.StorageClass = S3StorageClass.FindValue(storageClass);
        if (options.ServerSideEncryption is { } sse) request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.FindValue(sse);
        if (options.KmsKeyId is { } kms) request.ServerSideEncryptionKeyManagementServiceKeyId = kms;
        if (options.ObjectLockMode is { } mode)
        {
            request.ObjectLockMode = ObjectLockMode.FindValue(mode);
            request.ObjectLockRetainUntilDate = RetainUntil();
        }
        return request;
    }

    private DateTime RetainUntil() => time.GetUtcNow().UtcDateTime.AddDays(options.ObjectLockRetainDays);

    public void Dispose() => client.Dispose();
}
