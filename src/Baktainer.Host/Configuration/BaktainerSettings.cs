using Baktainer.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Configuration;

/// <summary>The validated global settings (see README, "Configuration").</summary>
internal sealed record BaktainerSettings
{
    public string Cron { get; init; } = "0 0 * * *";
    public int Threads { get; init; } = 4;
    /// <summary>BT_BACKUP_DIR as set (the default local storage reads and checks it); shown by /config.</summary>
    public string BackupDir { get; init; } = "/backups";
    public bool Compress { get; init; } = true;
    /// <summary>The codec name (<c>gzip</c>, <c>none</c> or a plugin's, e.g. <c>zstd</c>).</summary>
    public string Compression { get; init; } = "gzip";
    /// <summary><c>fastest</c>, <c>optimal</c>, <c>smallest</c> or a number in the codec's range; null for the codec's default.</summary>
    public string? CompressionLevel { get; init; }
    public LogLevel LogLevel { get; init; } = LogLevel.Information;
    public int RetentionDays { get; init; }
    public int RetentionCount { get; init; }
    /// <summary>GFS retention counts by period (<c>Retention:KeepLast</c> ... <c>KeepYearly</c>); only those set.</summary>
    public IReadOnlyDictionary<string, int> RetentionKeep { get; init; } = new Dictionary<string, int>();
    public double MinFreeSpaceGb { get; init; }
    /// <summary>Storage entries' own retention rules and minimum free space, by entry name (only entries that set them).</summary>
    public IReadOnlyDictionary<string, Retention.StorageRetention> StorageRetention { get; init; } = new Dictionary<string, Retention.StorageRetention>();
    /// <summary>Octal mode of backup files and manifests in the default local storage, as set (checked by the storage plugin).</summary>
    public string? FileMode { get; init; }
    public EncryptionSettings Encryption { get; init; } = new();
    public string PluginDir { get; init; } = Path.Combine(AppContext.BaseDirectory, "plugins");
    /// <summary><c>PluginExtraDir</c> / BT_PLUGIN_EXTRA_DIR: a second plugin folder (the image's drop-in <c>/app/plugins-extra</c>), loaded after <see cref="PluginDir"/>; <c>plugins install</c> writes here when set.</summary>
    public string? PluginExtraDir { get; init; }
    public int HealthPort { get; init; } = 8080;
    public string Timezone { get; init; } = "UTC";
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(6);
    public string Verify { get; init; } = "none";
    public bool CronSeconds { get; init; }
    public TimeSpan Jitter { get; init; } = TimeSpan.Zero;
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromMinutes(5);
    public bool CatchUp { get; init; } = true;
    public int RetryAttempts { get; init; } = 3;
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan DiscoveryInterval { get; init; } = TimeSpan.FromSeconds(60);
    public IReadOnlyList<ComponentEntry> Storage { get; init; } = [];
    public IReadOnlyList<ComponentEntry> Notifiers { get; init; } = [];
    public IReadOnlyList<ComponentEntry> Discovery { get; init; } = [];
    public OperationsSettings Operations { get; init; } = new();
}

/// <summary>Backup encryption.</summary>
internal sealed record EncryptionSettings
{
    public bool Enabled { get; init; }
    public Secret? Key { get; init; }
    public string? KeyFile { get; init; }
    public Secret? Passphrase { get; init; }
    /// <summary>ECDH P-256 public keys (PEM text or a file path) that new backups are encrypted to.</summary>
    public string? Recipient { get; init; }
    /// <summary>Earlier keys (same forms as <see cref="Key"/>, separated by commas), kept to open older backups.</summary>
    public Secret? OldKeys { get; init; }
}

/// <summary>One configured storage target, notifier or discovery provider.</summary>
/// <param name="Key">Its configuration path, e.g. <c>Storage:0</c>, for messages.</param>
/// <param name="Name">Its unique name.</param>
/// <param name="Type">The plugin type that builds it.</param>
/// <param name="Settings">Its whole section, handed to the plugin's factory (the whole configuration when <paramref name="FromGlobal"/>).</param>
/// <param name="FromGlobal">The default storage, built from global keys (<see cref="DefaultStorage"/>).</param>
internal sealed record ComponentEntry(string Key, string Name, string Type, IConfiguration Settings, bool FromGlobal = false)
{
    /// <summary>A plugin's error about this entry, naming it (the default storage's errors already name the global keys).</summary>
    public string Problem(string message) => FromGlobal ? message : $"{Key} ({Name}): {message}";
}
