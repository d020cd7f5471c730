using Baktainer.Tests.Shared;

namespace EndToEnd.Tests.Storage;

/// <summary>The BT_S3_* variables that add a storage entry named <c>s3</c> on a test's s3rver, under the prefix <c>prod</c>.</summary>
internal static class S3Variables
{
    public static (string, string)[] For(S3rver s3, string? bucket = null, string? endpoint = null, string key = S3rver.AccessKey) =>
    [
        ("BT_S3_BUCKET", bucket ?? s3.Bucket), ("BT_S3_ENDPOINT", endpoint ?? s3.Endpoint), ("BT_S3_PREFIX", "prod"),
        ("BT_S3_ACCESS_KEY_ID", key), ("BT_S3_SECRET_ACCESS_KEY", S3rver.SecretKey), ("Baktainer__S3__PartSizeMiB", "5"),
    ];
}
