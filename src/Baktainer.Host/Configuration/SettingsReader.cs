using System.Globalization;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Configuration;
using Baktainer.Abstractions.Labels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Configuration;

/// <summary>
/// Reads and validates <see cref="BaktainerSettings"/>. Every error names the key (and the
/// variable that set it), the bad value (masked when secret) and what would be valid.
/// </summary>
internal sealed partial class SettingsReader(LoadedConfiguration loaded)
{
    private readonly IConfiguration _config = loaded.Tracked;
    private readonly SettingsSection _s = new(loaded.Tracked, loaded.Describe);

    public IReadOnlyList<string> Errors => _s.Errors;

    /// <summary>Settings that are valid but have no effect in this configuration; logged as warnings.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    private readonly List<string> _warnings = [];

    public BaktainerSettings Read()
    {
        var defaults = new BaktainerSettings();
        var global = RetentionRules("Retention");
        var cronSeconds = Boolean("CronSeconds") ?? false;
        var compress = Boolean("Compress");
        var settings = new BaktainerSettings
        {
            CronSeconds = cronSeconds,
            Cron = Cron("Cron", cronSeconds) ?? defaults.Cron,
            Threads = Integer("Threads", 1, 64) ?? defaults.Threads,
            BackupDir = Text("BackupDir") ?? defaults.BackupDir,
            Compress = compress ?? defaults.Compress,
            Compression = CodecName(compress) ?? defaults.Compression,
            CompressionLevel = Text("CompressionLevel"),
            LogLevel = LogLevelSetting() ?? defaults.LogLevel,
            RetentionDays = global?.Days ?? 0,
            RetentionCount = global?.Count ?? 0,
            RetentionKeep = global?.Keep ?? new Dictionary<string, int>(),
            MinFreeSpaceGb = Number("MinFreeSpaceGb", 0, 1_000_000) ?? 0,
            FileMode = Text("FileMode"),
            Encryption = ReadEncryption(),
            PluginDir = AbsolutePath("PluginDir") ?? defaults.PluginDir,
            PluginExtraDir = AbsolutePath("PluginExtraDir"),
            HealthPort = Integer("HealthPort", 0, 65535) ?? defaults.HealthPort,
            Timezone = TimeZoneSetting() ?? defaults.Timezone,
            Timeout = Duration("Timeout") ?? defaults.Timeout,
            Verify = Choice("Verify", ["none", "checksum", "restore"]) ?? defaults.Verify,
            Jitter = Duration("Jitter") ?? defaults.Jitter,
            ShutdownGrace = Duration("ShutdownGrace") ?? defaults.ShutdownGrace,
            CatchUp = Boolean("CatchUp") ?? defaults.CatchUp,
            RetryAttempts = Integer("RetryAttempts", 0, 20) ?? defaults.RetryAttempts,
            RetryDelay = Duration("RetryDelay") ?? defaults.RetryDelay,
            DiscoveryInterval = Duration("DiscoveryInterval") ?? defaults.DiscoveryInterval,
            Storage = Entries("Storage"),
            Notifiers = Entries("Notifiers"),
            Discovery = Entries("Discovery"),
        };
        DockerWithDiscoveryEntries(settings);
        DefaultStorageKeysWithStorageEntries(settings);
        var withDefaults = WithDefaultEntries(WithOperations(settings));
        var storage = S3Shorthand.Append(withDefaults.Storage, _config, loaded, _s);
        return withDefaults with { Storage = storage, StorageRetention = StorageRetention(storage) };
    }

    /// <summary>
    /// The original tool's behaviour when nothing is configured: local storage in BT_BACKUP_DIR and
    /// Docker discovery on BT_DOCKER_URL. Each plugin reads and checks its own keys.
    /// </summary>
    private BaktainerSettings WithDefaultEntries(BaktainerSettings s) => s with
    {
        Storage = s.Storage.Count > 0 ? s.Storage : [DefaultStorage.Entry(_config)],
        // The Docker section (BT_DOCKER_URL, BT_SSL, BT_CA, BT_CERT, BT_KEY) is the default docker entry's own: the plugin reads and checks it.
        Discovery = s.Discovery.Count > 0 ? s.Discovery : [new ComponentEntry("Discovery:default", "docker", "docker", _config.GetSection(DockerSection))],
    };

    /// <summary>
    /// BT_FILE_MODE and BT_BACKUP_DIR configure the default local storage only, which Storage entries
    /// replace. FileMode would be ignored: an error. BackupDir is a warning unless a local entry uses
    /// the same folder: the original tool's users, compose files and scripts set it out of habit.
    /// </summary>
    private void DefaultStorageKeysWithStorageEntries(BaktainerSettings s)
    {
        if (s.Storage.Count == 0) return;
        if (s.FileMode is not null)
            _s.Error($"{loaded.Describe("FileMode")} applies to the default local storage only; with Storage entries configured, set FileMode on each local entry");
        if (Text("BackupDir") is { } folder && !s.Storage.Any(e => string.Equals(e.Type, DefaultStorage.Type, StringComparison.OrdinalIgnoreCase) && SameFolder(e.Settings["Path"], folder)))
            _warnings.Add($"{loaded.Describe("BackupDir")} is ignored: it is the folder of the default local storage, and Storage entries replace that storage; set Path on a local entry instead");
    }

    private static bool SameFolder(string? a, string b) => a is not null && Path.TrimEndingDirectorySeparator(a) == Path.TrimEndingDirectorySeparator(b);

    private const string DockerSection = "Docker";

    /// <summary>BT_DOCKER_URL and friends configure the default discovery only; with Discovery entries they would be ignored.</summary>
    private void DockerWithDiscoveryEntries(BaktainerSettings s)
    {
        if (s.Discovery.Count == 0) return;
        var set = _config.GetSection(DockerSection).GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => loaded.Describe(c.Path)).ToList();
        if (set.Count > 0)
            _s.Error($"{string.Join(", ", set)} configure the default Docker discovery only; with Discovery entries configured, set Url, Tls, Ca, Cert and Key on each docker entry");
    }

    private EncryptionSettings ReadEncryption()
    {
        var encryption = new EncryptionSettings
        {
            Enabled = Boolean("Encryption:Enabled") ?? false,
            Key = Text("Encryption:Key") is { } k ? new Secret(k) : null,
            KeyFile = Text("Encryption:KeyFile"),
            Passphrase = Text("Encryption:Passphrase") is { } p ? new Secret(p) : null,
            Recipient = Text("Encryption:Recipient"),
            OldKeys = Text("Encryption:OldKeys") is { } o ? new Secret(o) : null,
        };
        var sources = new[] { ("Encryption:Key", encryption.Key is not null), ("Encryption:KeyFile", encryption.KeyFile is not null), ("Encryption:Passphrase", encryption.Passphrase is not null) }
            .Where(s => s.Item2).Select(s => loaded.Describe(s.Item1)).ToList();
        if (encryption.Enabled && sources.Count == 0 && encryption.Recipient is null)
            _s.Error($"{loaded.Describe("Encryption:Enabled")} is true but no key is set; set one of BT_ENCRYPTION_KEY, BT_ENCRYPTION_KEY_FILE, BT_ENCRYPTION_PASSPHRASE or BT_ENCRYPTION_RECIPIENT");
        if (sources.Count > 1)
            _s.Error($"{string.Join(", ", sources)} each give an encryption key; set only one");
        if (encryption.Key is { } key && Encryption.KeyText.Parse(key.Reveal()) is null)
            _s.Error($"{loaded.Describe("Encryption:Key")} is not a 256-bit key; expected {Encryption.KeyText.Expected} (value hidden)");
        if (encryption.KeyFile is { } file)
        {
            if (!File.Exists(file)) _s.Error($"{loaded.Describe("Encryption:KeyFile")} names '{file}', which does not exist");
            else if (Encryption.KeyText.ParseFile(File.ReadAllBytes(file)) is null)
                _s.Error($"{loaded.Describe("Encryption:KeyFile")} names '{file}', which does not hold a 256-bit key; expected {Encryption.KeyText.Expected}, or 32 raw bytes (content hidden)");
        }
        if (encryption.Passphrase is { } passphrase && passphrase.Reveal().Length < 8)
            _s.Error($"{loaded.Describe("Encryption:Passphrase")} is shorter than 8 characters; use a long passphrase (value hidden)");
        if (encryption.OldKeys is { } old)
        {
            var bad = Encryption.KeyText.SplitList(old.Reveal()).Select((k, i) => (k, i)).Where(x => Encryption.KeyText.Parse(x.k) is null).Select(x => (x.i + 1).ToString(CultureInfo.InvariantCulture)).ToList();
            if (bad.Count > 0) _s.Error($"{loaded.Describe("Encryption:OldKeys")}: entry {string.Join(", ", bad)} is not a 256-bit key; expected a comma-separated list of {Encryption.KeyText.Expected} (values hidden)");
        }
        if (encryption.Recipient is { } recipient)
        {
            try { Encryption.RecipientText.Load(recipient, loaded.Describe("Encryption:Recipient")); }
            catch (BaktainerException e) { _s.Error(e.Message); }
        }
        return encryption;
    }

    private List<ComponentEntry> Entries(string section)
    {
        var entries = new List<ComponentEntry>();
        foreach (var child in _config.GetSection(section).GetChildren())
        {
            var key = $"{section}:{child.Key}";
            var name = child["Name"];
            var type = child["Type"];
            if (string.IsNullOrWhiteSpace(name) || !LabelValues.IsName(name))
                _s.Error($"{loaded.Describe(key + ":Name")} is {(string.IsNullOrWhiteSpace(name) ? "missing" : $"invalid (\"{name}\")")}; every {section} entry needs a Name of letters, digits and . _ -");
            else if (entries.Any(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                _s.Error($"{loaded.Describe(key + ":Name")} repeats the name \"{name}\"; {section} names must be unique");
            if (string.IsNullOrWhiteSpace(type))
                _s.Error($"{loaded.Describe(key + ":Type")} is missing; every {section} entry needs a Type (see 'baktainer plugins list')");
            entries.Add(new ComponentEntry(key, name ?? "", type?.Trim().ToLowerInvariant() ?? "", child));
        }
        return entries;
    }

    private string? Cron(string key, bool allowSeconds)
    {
        if (Text(key) is not { } value) return null;
        try
        {
            Scheduling.CronSchedule.Parse(value, allowSeconds, loaded.Describe(key));
            return value;
        }
        catch (BaktainerException)
        {
            return Fail(key, value, "a 5-field cron expression such as '0 0 * * *' (minute hour day month weekday)" + (allowSeconds ? ", or 6 fields with seconds first" : ""));
        }
    }

    private LogLevel? LogLevelSetting()
    {
        var value = Choice("LogLevel", ["trace", "debug", "info", "information", "warn", "warning", "error", "critical", "none"]);
        return value switch
        {
            null => null,
            "info" => LogLevel.Information,
            "warn" => LogLevel.Warning,
            _ => Enum.Parse<LogLevel>(value, ignoreCase: true),
        };
    }

    /// <summary>The codec name; whether a plugin provides it is checked once plugins are loaded (ComponentChecks).</summary>
    private string? CodecName(bool? compress)
    {
        if (Text("Compression") is not { } value) return null;
        if (!LabelValues.IsName(value)) return Fail("Compression", value, "a codec name such as gzip, zstd or none");
        if (compress == false && !value.Equals("none", StringComparison.OrdinalIgnoreCase))
            _s.Error($"{loaded.Describe("Compress")} is false but {loaded.Describe("Compression")} is \"{value}\"; set only one of them (Compress=false means Compression=none)");
        return value.ToLowerInvariant();
    }

    private string? TimeZoneSetting()
    {
        if (Text("Timezone") is not { } value) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(value, out _) ? value : Fail("Timezone", value, "an IANA time zone such as UTC or Europe/Berlin");
    }

    private string? Text(string key) => _s.Text(key);

    private bool? Boolean(string key) => _s.Boolean(key);

    private int? Integer(string key, int min, int max) => _s.Integer(key, min, max);

    private double? Number(string key, double min, double max) => _s.Number(key, min, max);

    private TimeSpan? Duration(string key) => _s.Duration(key);

    private string? Choice(string key, string[] allowed) => _s.Choice(key, allowed);

    private string? AbsolutePath(string key) => _s.AbsolutePath(key);

    private T? FailStruct<T>(string key, string value, string expected) where T : struct
    {
        _s.Invalid(key, value, expected);
        return null;
    }

    private string? Fail(string key, string value, string expected)
    {
        _s.Invalid(key, value, expected);
        return null;
    }
}
