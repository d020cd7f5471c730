using Microsoft.Extensions.Configuration;

namespace Baktainer.Host.Configuration;

/// <summary>
/// S3 without a storage list: the <c>S3</c> section (set by <c>BT_S3_BUCKET</c>, <c>BT_S3_PREFIX</c>,
/// <c>BT_S3_ENDPOINT</c>, <c>BT_S3_REGION</c>, <c>BT_S3_ACCESS_KEY_ID</c>, <c>BT_S3_SECRET_ACCESS_KEY</c>, and its
/// retention by <c>BT_S3_RETENTION_*</c>)
/// adds a storage entry named <c>s3</c> beside the configured (or default local) ones.
/// </summary>
internal static class S3Shorthand
{
    public const string Section = "S3";
    public const string EntryName = "s3";

    public static IReadOnlyList<ComponentEntry> Append(IReadOnlyList<ComponentEntry> storage, IConfiguration config, LoadedConfiguration loaded, Abstractions.Configuration.SettingsSection errors)
    {
        var section = config.GetSection(Section);
        var values = loaded.Root.GetSection(Section).GetChildren() // untracked: the s3 plugin reads (and names) them
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase);
        // The entry's retention rules (BT_S3_RETENTION_*) are read by the host with every entry's (SettingsReader.Retention).
        var retention = config.GetSection(Section + ":Retention").GetChildren().Select(c => c.Path).ToList();
        if (values.Count == 0 && retention.Count == 0) return storage;
        var plugin = values.ContainsKey("Bucket") && !storage.Any(s => s.Name.Equals(EntryName, StringComparison.OrdinalIgnoreCase));
        if (!plugin)
            foreach (var key in values.Keys) _ = section[key]; // reported below, not again as unknown keys
        if (!values.ContainsKey("Bucket"))
        {
            errors.Error($"{string.Join(", ", values.Keys.Select(k => $"{Section}:{k}").Concat(retention).Select(loaded.Describe))} set but {loaded.Describe($"{Section}:Bucket")} is missing; BT_S3_BUCKET names the bucket");
            return storage;
        }
        if (storage.Any(s => s.Name.Equals(EntryName, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Error($"{loaded.Describe($"{Section}:Bucket")} adds a storage entry named '{EntryName}', but a Storage entry already has that name; configure the bucket in that entry instead");
            return storage;
        }
        return [.. storage, new ComponentEntry($"{Section} ({loaded.Describe($"{Section}:Bucket")})", EntryName, "s3", section)];
    }
}
