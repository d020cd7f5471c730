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

    public PutObjectRequest NewPut(string objectKey, Stream content)
    {
        var request = new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = objectKey,
            InputStream = content,
            AutoCloseStream = false,
            // AWSSDK v4's chunked payload signing is stored verbatim by some S3-compatible servers.
            UseChunkEncoding = false,
        };
        ApplyNewObjectSettings(v => request.StorageClass = v, v => request.ServerSideEncryptionMethod = v,
            v => request.ServerSideEncryptionKeyManagementServiceKeyId = v, (mode, until) => (request.ObjectLockMode, request.ObjectLockRetainUntilDate) = (mode, until));
        return request;
    }

    public InitiateMultipartUploadRequest NewMultipart(string objectKey)
    {
        var request = new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = objectKey };
        ApplyNewObjectSettings(v => request.StorageClass = v, v => request.ServerSideEncryptionMethod = v,
            v => request.ServerSideEncryptionKeyManagementServiceKeyId = v, (mode, until) => (request.ObjectLockMode, request.ObjectLockRetainUntilDate) = (mode, until));
        return request;
    }

    /// <summary>Storage class, server-side encryption and object lock, as the entry sets them (the SDK's request types share no interface).</summary>
    private void ApplyNewObjectSettings(Action<S3StorageClass> storageClass, Action<ServerSideEncryptionMethod> encryption, Action<string> kmsKey, Action<ObjectLockMode, DateTime> objectLock)
    {
        if (options.StorageClass is { } cls) storageClass(S3StorageClass.FindValue(cls));
        if (options.ServerSideEncryption is { } sse) encryption(ServerSideEncryptionMethod.FindValue(sse));
        if (options.KmsKeyId is { } kms) kmsKey(kms);
        if (options.ObjectLockMode is { } mode) objectLock(ObjectLockMode.FindValue(mode), RetainUntil());
    }

    private DateTime RetainUntil() => time.GetUtcNow().UtcDateTime.AddDays(options.ObjectLockRetainDays);

    public void Dispose() => client.Dispose();
}
