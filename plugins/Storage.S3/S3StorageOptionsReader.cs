using Baktainer.Abstractions;
using Baktainer.Abstractions.Configuration;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Storage.S3;

/// <summary>
/// Reads and validates an s3 entry with the shared <see cref="SettingsSection"/>: every error names
/// the entry and the key; secrets are never echoed; keys it does not read are reported by the host.
/// </summary>
internal static class S3StorageOptionsReader
{
    /// <exception cref="BaktainerException">A key is missing or invalid (all of them listed).</exception>
    public static S3StorageOptions Read(string name, IConfiguration section)
    {
        var s = new SettingsSection(section, $"s3 storage '{name}'");
        var bucket = s.Required("Bucket", "the bucket's name (or set BT_S3_BUCKET)");
        if (bucket is not null && (bucket.Length is < 3 or > 63 || bucket.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))))
            s.Invalid("Bucket", bucket, "3-63 lower-case letters, digits, '-' or '.'");
        var serviceUrl = s.HttpUrl("ServiceUrl", "http://minio:9000");
        var forcePathStyle = s.Boolean("ForcePathStyle", serviceUrl is not null);

        var accessKey = Credential(s, "AccessKeyId");
        var secretKey = Credential(s, "SecretAccessKey");
        if ((accessKey is null) != (secretKey is null))
            s.Error($"{s.Describe("AccessKeyId")} and {s.Describe("SecretAccessKey")} (or their ...File keys) must be given together; leave both out to use the AWS credential chain");

        var sse = s.Choice("ServerSideEncryption", "AES256", "aws:kms");
        var kmsKey = s.Text("KmsKeyId");
        if (kmsKey is not null && sse != "aws:kms") s.Error($"{s.Describe("KmsKeyId")} is set but ServerSideEncryption is not aws:kms");
        var lockMode = s.Choice("ObjectLockMode", "GOVERNANCE", "COMPLIANCE");
        var lockDays = s.Integer("ObjectLockRetainDays", 0, 1, 36500);
        if ((s.Text("ObjectLockMode") is null) != (s.Text("ObjectLockRetainDays") is null))
            s.Error($"{s.Describe("ObjectLockMode")} and {s.Describe("ObjectLockRetainDays")} must be given together");
        var storageClass = s.Text("StorageClass");
        if (storageClass is not null && !storageClass.All(c => char.IsAsciiLetterUpper(c) || c == '_'))
            s.Invalid("StorageClass", storageClass, "an S3 storage class such as STANDARD, STANDARD_IA, GLACIER_IR");

        var options = new S3StorageOptions
        {
            Bucket = bucket ?? "",
            Prefix = NormalizePrefix(s.Text("Prefix")),
            Region = s.Text("Region") ?? "us-east-1",
            ServiceUrl = serviceUrl,
            ForcePathStyle = forcePathStyle,
            AccessKeyId = accessKey?.Reveal(),
            SecretAccessKey = secretKey,
            StorageClass = storageClass,
            ServerSideEncryption = sse,
            KmsKeyId = kmsKey,
            ObjectLockMode = lockMode,
            ObjectLockRetainDays = lockDays,
            PartSizeMiB = s.Integer("PartSizeMiB", 8, S3StorageOptions.MinPartSizeMiB, 5120),
            PartsInFlight = s.Integer("PartsInFlight", 2, 1, 16),
            AbortUploadsOlderThanHours = s.Integer("AbortUploadsOlderThanHours", 24, 1, 8760),
        };
        s.ThrowIfInvalid();
        return options;
    }

    /// <summary>A credential from <c>Key</c> or from the file <c>KeyFile</c> names (Docker secrets).</summary>
    private static Secret? Credential(SettingsSection s, string key)
    {
        var inline = s.Secret(key);
        var file = s.Text(key + "File");
        if (inline is not null && file is not null)
        {
            s.Error($"{s.Describe(key)} and {s.Describe(key + "File")} are both set; use one");
            return null;
        }
        if (inline is not null || file is null) return inline;
        try
        {
            var value = File.ReadAllText(file).Trim();
            if (value.Length > 0) return new Secret(value);
            s.Error($"{s.Describe(key + "File")} '{file}' is empty");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            s.Error($"{s.Describe(key + "File")} '{file}' cannot be read: {e.Message}");
        }
        return null;
    }

    private static string NormalizePrefix(string? prefix)
    {
        var trimmed = (prefix ?? "").Trim('/');
        return trimmed.Length == 0 ? "" : trimmed + "/";
    }
}
