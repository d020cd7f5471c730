using Baktainer.Abstractions;

namespace Baktainer.Storage.S3;

/// <summary>
/// One <c>Type: s3</c> storage entry (see README, "Storage"). Created by <see cref="S3StorageOptionsReader"/>,
/// which validates every key and names it in its errors.
/// </summary>
public sealed record S3StorageOptions
{
    /// <summary>The smallest part S3 accepts (except the last).</summary>
    public const int MinPartSizeMiB = 5;

    /// <summary>The bucket (required).</summary>
    public required string Bucket { get; init; }
    /// <summary>Prepended to every key; empty or ending with <c>/</c>.</summary>
    public string Prefix { get; init; } = "";
    /// <summary>The signing region.</summary>
    public string Region { get; init; } = "us-east-1";
    /// <summary>An S3-compatible endpoint (MinIO, Ceph, Garage, R2, s3rver); null for AWS.</summary>
    public Uri? ServiceUrl { get; init; }
    /// <summary>Path-style addressing (<c>endpoint/bucket/key</c>).</summary>
    public bool ForcePathStyle { get; init; }
    /// <summary>An access key id; null to use the SDK's credential chain.</summary>
    public string? AccessKeyId { get; init; }
    /// <summary>The secret key belonging to <see cref="AccessKeyId"/>.</summary>
    public Secret? SecretAccessKey { get; init; }
    /// <summary>The storage class of new objects (e.g. <c>STANDARD_IA</c>); null for the bucket's default.</summary>
    public string? StorageClass { get; init; }
    /// <summary>Server-side encryption: null, <c>AES256</c> or <c>aws:kms</c>.</summary>
    public string? ServerSideEncryption { get; init; }
    /// <summary>The KMS key id for <c>aws:kms</c>.</summary>
    public string? KmsKeyId { get; init; }
    /// <summary>Object lock mode for new objects: null, <c>GOVERNANCE</c> or <c>COMPLIANCE</c>.</summary>
    public string? ObjectLockMode { get; init; }
    /// <summary>Days new objects stay locked (with <see cref="ObjectLockMode"/>).</summary>
    public int ObjectLockRetainDays { get; init; }
    /// <summary>Multipart part size in MiB (grows for dumps above 80 GB so 10 000 parts suffice).</summary>
    public int PartSizeMiB { get; init; } = 8;
    /// <summary>Parts uploading at once; memory is about (this + 1) × part size per upload.</summary>
    public int PartsInFlight { get; init; } = 2;
    /// <summary>Multipart uploads older than this many hours under the prefix are aborted at start-up (crash leftovers).</summary>
    public int AbortUploadsOlderThanHours { get; init; } = 24;

    /// <summary>Where the bucket is, for messages (never holds a credential).</summary>
    public string Describe => $"bucket '{Bucket}'{(Prefix.Length > 0 ? $" prefix '{Prefix}'" : "")} at {ServiceUrl?.ToString().TrimEnd('/') ?? $"AWS {Region}"}";
}
