using System.Globalization;
using Baktainer.Abstractions;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Storage.S3;

/// <summary>Reads and validates an s3 entry. Every error names the entry and the key; secrets are never echoed.</summary>
internal static class S3StorageOptionsReader
{
    private static readonly string[] Known =
    [
        "Name", "Type", "Bucket", "Prefix", "Region", "ServiceUrl", "ForcePathStyle", "AccessKeyId", "AccessKeyIdFile",
        "SecretAccessKey", "SecretAccessKeyFile", "StorageClass", "ServerSideEncryption", "KmsKeyId", "ObjectLockMode",
        "ObjectLockRetainDays", "PartSizeMiB", "PartsInFlight", "AbortUploadsOlderThanHours",
        "Retention", // the entry's own retention rules, read by the host
    ];

    /// <exception cref="BaktainerException">A key is missing, unknown or invalid.</exception>
    public static S3StorageOptions Read(string name, IConfiguration section)
    {
        var errors = new List<string>();
        foreach (var unknown in section.GetChildren().Select(c => c.Key).Where(k => !Known.Contains(k, StringComparer.OrdinalIgnoreCase)))
            errors.Add($"unknown key '{unknown}'; known keys: {string.Join(", ", Known.Skip(2))}");
        string? Text(string key) => section[key] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        int Int(string key, int min, int max, int fallback)
        {
            if (Text(key) is not { } v) return fallback;
            if (int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            errors.Add($"{key} has invalid value \"{v}\"; expected a whole number from {min} to {max}");
            return fallback;
        }
        string? Choice(string key, params string[] allowed)
        {
            if (Text(key) is not { } v) return null;
            var match = allowed.FirstOrDefault(a => a.Equals(v, StringComparison.OrdinalIgnoreCase));
            if (match is null) errors.Add($"{key} has invalid value \"{v}\"; expected one of {string.Join(", ", allowed)}");
            return match;
        }

        var bucket = Text("Bucket");
        if (bucket is null) errors.Add("Bucket is missing (or set BT_S3_BUCKET)");
        else if (bucket.Length is < 3 or > 63 || bucket.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')))
            errors.Add($"Bucket has invalid value \"{bucket}\"; expected 3-63 lower-case letters, digits, '-' or '.'");
        Uri? serviceUrl = null;
        if (Text("ServiceUrl") is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out serviceUrl) || serviceUrl.Scheme is not ("http" or "https")))
        {
            errors.Add($"ServiceUrl has invalid value \"{url}\"; expected an http:// or https:// URL such as http://minio:9000");
            serviceUrl = null;
        }
        var forcePathStyle = serviceUrl is not null;
        if (Text("ForcePathStyle") is { } fps && !bool.TryParse(fps, out forcePathStyle))
            errors.Add($"ForcePathStyle has invalid value \"{fps}\"; expected true or false");

        var accessKey = Credential(section, "AccessKeyId", errors);
        var secretKey = Credential(section, "SecretAccessKey", errors);
        if ((accessKey is null) != (secretKey is null))
            errors.Add("AccessKeyId and SecretAccessKey (or their ...File keys) must be given together; leave both out to use the AWS credential chain");

        var sse = Choice("ServerSideEncryption", "AES256", "aws:kms");
        var kmsKey = Text("KmsKeyId");
        if (kmsKey is not null && sse != "aws:kms") errors.Add("KmsKeyId is set but ServerSideEncryption is not aws:kms");
        var lockMode = Choice("ObjectLockMode", "GOVERNANCE", "COMPLIANCE");
        var lockDays = Int("ObjectLockRetainDays", 1, 36500, 0);
        if ((Text("ObjectLockMode") is null) != (Text("ObjectLockRetainDays") is null))
            errors.Add("ObjectLockMode and ObjectLockRetainDays must be given together");
        var storageClass = Text("StorageClass");
        if (storageClass is not null && !storageClass.All(c => char.IsAsciiLetterUpper(c) || c == '_'))
            errors.Add($"StorageClass has invalid value \"{storageClass}\"; expected an S3 storage class such as STANDARD, STANDARD_IA, GLACIER_IR");

        var options = new S3StorageOptions
        {
            Bucket = bucket ?? "",
            Prefix = NormalizePrefix(Text("Prefix")),
            Region = Text("Region") ?? "us-east-1",
            ServiceUrl = serviceUrl,
            ForcePathStyle = forcePathStyle,
            AccessKeyId = accessKey?.Reveal(),
            SecretAccessKey = secretKey,
            StorageClass = storageClass,
            ServerSideEncryption = sse,
            KmsKeyId = kmsKey,
            ObjectLockMode = lockMode,
            ObjectLockRetainDays = lockDays,
            PartSizeMiB = Int("PartSizeMiB", S3StorageOptions.MinPartSizeMiB, 5120, 8),
            PartsInFlight = Int("PartsInFlight", 1, 16, 2),
            AbortUploadsOlderThanHours = Int("AbortUploadsOlderThanHours", 1, 8760, 24),
        };
        if (errors.Count > 0) throw new BaktainerException($"s3 storage '{name}': {string.Join("; ", errors)}");
        return options;
    }

    /// <summary>A credential from <c>Key</c> or from the file <c>KeyFile</c> names (Docker secrets).</summary>
    private static Secret? Credential(IConfiguration section, string key, List<string> errors)
    {
        var inline = section[key];
        var file = section[key + "File"];
        if (!string.IsNullOrWhiteSpace(inline) && !string.IsNullOrWhiteSpace(file))
        {
            errors.Add($"{key} and {key}File are both set; use one");
            return null;
        }
        if (!string.IsNullOrWhiteSpace(inline)) return new Secret(inline.Trim());
        if (string.IsNullOrWhiteSpace(file)) return null;
        try
        {
            var value = File.ReadAllText(file).Trim();
            if (value.Length > 0) return new Secret(value);
            errors.Add($"{key}File '{file}' is empty");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{key}File '{file}' cannot be read: {e.Message}");
        }
        return null;
    }

    private static string NormalizePrefix(string? prefix)
    {
        var trimmed = (prefix ?? "").Trim('/');
        return trimmed.Length == 0 ? "" : trimmed + "/";
    }
}
