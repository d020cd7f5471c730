namespace Baktainer.Abstractions.Labels;

/// <summary>
/// The one definition of the built-in <c>baktainer.*</c> labels, shared by every discovery provider
/// (Docker labels, Swarm service labels, Kubernetes annotations). Engines and plugin labels are
/// added per run by <see cref="LabelCatalog"/>, which parses. Thread-safe and stateless.
/// </summary>
public static class LabelSchema
{
    /// <summary>The prefix of every label.</summary>
    public const string Prefix = "baktainer.";

#pragma warning disable CS1591 // the label keys are documented by their definitions below
    public const string Backup = "baktainer.backup";
    public const string Engine = "baktainer.db.engine";
    public const string Database = "baktainer.db.name";
    public const string User = "baktainer.db.user";
    public const string Password = "baktainer.db.password";
    public const string PasswordFile = "baktainer.db.password_file";
    public const string PasswordEnv = "baktainer.db.password_env";
    public const string Host = "baktainer.db.host";
    public const string Port = "baktainer.db.port";
    public const string Name = "baktainer.name";
    public const string All = "baktainer.db.all";
    public const string Compress = "baktainer.compress";
    public const string BackupCompress = "baktainer.backup.compress";
    public const string Encrypt = "baktainer.backup.encrypt";
    public const string RetentionDays = "baktainer.backup.retention.days";
    public const string RetentionCount = "baktainer.backup.retention.count";
    /// <summary>The prefix of the GFS retention labels: <c>keep_last</c>, <c>keep_hourly</c>, <c>keep_daily</c>, <c>keep_weekly</c>, <c>keep_monthly</c>, <c>keep_yearly</c>.</summary>
    public const string RetentionKeepPrefix = "baktainer.backup.retention.keep_";
    /// <summary>The GFS retention periods, in the order restic lists them.</summary>
    public static IReadOnlyList<string> RetentionPeriods { get; } = ["last", "hourly", "daily", "weekly", "monthly", "yearly"];
    public const string Priority = "baktainer.backup.priority";
    public const string Schedule = "baktainer.schedule";
    public const string DependsOn = "baktainer.depends_on";
    public const string Storage = "baktainer.storage";
    public const string Notify = "baktainer.notify";
    public const string Timeout = "baktainer.timeout";
    public const string Verify = "baktainer.verify";
    public const string Compression = "baktainer.compression";
#pragma warning restore CS1591

    /// <summary>Every label, in reference order.</summary>
    public static IReadOnlyList<LabelDefinition> Definitions { get; } =
    [
        new(Backup, LabelType.Boolean, "Back up this container. Nothing else is read unless it is true.", "false"),
        new(Engine, LabelType.Engine, "The database engine (required): a name or alias of a loaded engine plugin (see 'baktainer plugins list')."),
        new(Database, LabelType.Text, "The database to dump, as the engine understands it (for sqlite, the absolute path of the database file). Required unless baktainer.db.all=true."),
        new(User, LabelType.Name, "The database user the dump tool connects as."),
        new(Password, LabelType.Text, "The database password. Prefer password_file or password_env: a label is readable by anyone who can inspect the container.", IsSecret: true),
        new(PasswordFile, LabelType.Path, "A file inside the container holding the password (e.g. /run/secrets/db_password).", IsLegacy: false),
        new(PasswordEnv, LabelType.EnvironmentVariable, "An environment variable of the container holding the password (e.g. POSTGRES_PASSWORD).", IsLegacy: false),
        new(Host, LabelType.Host, "Host name or socket directory the dump tool connects to inside the container (default: the engine's local socket).", IsLegacy: false),
        new(Port, LabelType.Integer, "Port the dump tool connects to (default: the engine's).", null, Min: 1, Max: 65535, IsLegacy: false),
        new(Name, LabelType.Name, "The name backups are stored under (default: the container name)."),
        new(All, LabelType.Boolean, "Dump every database (pg_dumpall, --all-databases).", "false"),
        new(Compress, LabelType.Boolean, "Compress with gzip (default: BT_COMPRESS). Same as baktainer.backup.compress."),
        new(BackupCompress, LabelType.Boolean, "Compress with gzip (default: BT_COMPRESS). Wins over baktainer.compress."),
        new(Encrypt, LabelType.Boolean, "Encrypt with the configured key (default: BT_ENCRYPTION_ENABLED)."),
        new(RetentionDays, LabelType.Integer, "Delete this target's backups older than this many days; 0 keeps them (default: BT_RETENTION_DAYS).", null, Min: 0, Max: 36500),
        new(RetentionCount, LabelType.Integer, "Keep at most this many of this target's backups; 0 keeps all (default: BT_RETENTION_COUNT).", null, Min: 0, Max: 100000),
        new(RetentionKeepPrefix + "last", LabelType.Integer, "GFS: keep the newest N backups (default: BT_RETENTION_KEEP_LAST).", null, Min: 0, Max: 100000),
        new(RetentionKeepPrefix + "hourly", LabelType.Integer, "GFS: keep the newest backup of each of the last N hours that have one, in BT_TIMEZONE (default: BT_RETENTION_KEEP_HOURLY).", null, Min: 0, Max: 100000),
        new(RetentionKeepPrefix + "daily", LabelType.Integer, "GFS: keep the newest backup of each of the last N days that have one (default: BT_RETENTION_KEEP_DAILY).", null, Min: 0, Max: 100000),
        new(RetentionKeepPrefix + "weekly", LabelType.Integer, "GFS: keep the newest backup of each of the last N ISO weeks that have one (default: BT_RETENTION_KEEP_WEEKLY).", null, Min: 0, Max: 100000),
        new(RetentionKeepPrefix + "monthly", LabelType.Integer, "GFS: keep the newest backup of each of the last N months that have one (default: BT_RETENTION_KEEP_MONTHLY).", null, Min: 0, Max: 100000),
        new(RetentionKeepPrefix + "yearly", LabelType.Integer, "GFS: keep the newest backup of each of the last N years that have one (default: BT_RETENTION_KEEP_YEARLY).", null, Min: 0, Max: 100000),
        new(Priority, LabelType.Choice, "Order in the backup queue.", "normal", ["low", "normal", "high", "critical"]),
        new(Schedule, LabelType.CronList, "When to back up: one or more cron expressions separated by ';' (default: BT_CRON).", IsLegacy: false),
        new(DependsOn, LabelType.NameList, "Backup names that must be backed up before this one in the same round.", IsLegacy: false),
        new(Storage, LabelType.NameList, "Storage targets to write to, by configured name (default: all).", IsLegacy: false),
        new(Notify, LabelType.NameList, "Notifiers to tell, by configured name (default: all).", IsLegacy: false),
        new(Timeout, LabelType.Duration, "Abandon a backup that takes longer than this (default: the global timeout).", IsLegacy: false),
        new(Verify, LabelType.Choice, "How to verify each backup after writing it (default: the global setting).", null, ["none", "checksum", "restore"], IsLegacy: false),
        new(Compression, LabelType.Name, "The compression codec: gzip, none, or one a plugin adds such as zstd (default: BT_COMPRESSION). baktainer.compress=false wins.", IsLegacy: false),
    ];

    private static readonly Dictionary<string, LabelDefinition> ByKey =
        Definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);

    /// <summary>The definition of built-in <paramref name="key"/>, or null (plugin labels: <see cref="LabelCatalog.Find"/>).</summary>
    public static LabelDefinition? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>Whether a label's value is a credential and must be masked when shown.</summary>
    public static bool IsSecret(string key) => Find(key)?.IsSecret ?? false;

    /// <summary>Whether the labels ask for a backup (<c>baktainer.backup</c> is true).</summary>
    public static bool IsBackupEnabled(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(Backup, out var v) && LabelValues.TryBoolean(v, out var b) && b;

    /// <summary>
    /// Turns any text (e.g. a container name) into a safe backup name: characters outside
    /// letters, digits and <c>._-</c> become <c>_</c>, and it never starts with a dot.
    /// </summary>
    public static string SanitizeName(string text)
    {
        var chars = text.Trim().TrimStart('/').Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray();
        var name = new string(chars).TrimStart('.', '-');
        if (name.Length > 128) name = name[..128];
        return name.Length == 0 ? "unnamed" : name;
    }
}
