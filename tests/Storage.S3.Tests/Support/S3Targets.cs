using Baktainer.Abstractions.Storage;
using Baktainer.Storage.S3;
using Baktainer.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Storage.S3.Tests.Support;

/// <summary>Builds s3 storage targets the way the host does: through the plugin's factory from a configuration entry.</summary>
internal static class S3Targets
{
    public static IStorageTarget Create(string endpoint, string bucket, Dictionary<string, string?>? extra = null, string name = "offsite")
    {
        var values = new Dictionary<string, string?>
        {
            ["Name"] = name, ["Type"] = "s3", ["Bucket"] = bucket, ["ServiceUrl"] = endpoint,
            ["AccessKeyId"] = S3rver.AccessKey, ["SecretAccessKey"] = S3rver.SecretKey, ["PartSizeMiB"] = "5",
        };
        foreach (var (key, value) in extra ?? []) values[key] = value;
        return new S3StorageFactory(NullLoggerFactory.Instance, TimeProvider.System).Create(name, new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    public static IStorageTarget Create(S3rver server, Dictionary<string, string?>? extra = null) => Create(server.Endpoint, server.Bucket, extra);

    public static BackupManifest Manifest(string key, byte[] data) => new()
    {
        Id = "test-" + Guid.NewGuid().ToString("N")[..6], Target = "orders", Engine = "postgres", Key = key,
        StoredSize = data.Length, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data)),
    };

    public static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }

    /// <summary>Writes <paramref name="data"/> in uneven chunks, like a compressor does.</summary>
    public static async Task WriteInChunksAsync(Stream destination, byte[] data)
    {
        for (var offset = 0; offset < data.Length; offset += 300_007)
            await destination.WriteAsync(data.AsMemory(offset, Math.Min(300_007, data.Length - offset)));
    }
}
