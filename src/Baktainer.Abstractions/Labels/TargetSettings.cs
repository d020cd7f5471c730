namespace Baktainer.Abstractions.Labels;

/// <summary>
/// A target's labels, parsed and validated by <see cref="LabelSchema"/>. Null means "not set, use
/// the global setting".
/// </summary>
public sealed record TargetSettings
{
    /// <summary><c>baktainer.backup</c>: whether the target is backed up at all.</summary>
    public bool Backup { get; init; }
    /// <summary><c>baktainer.db.engine</c>, normalised to the name of the loaded strategy (an alias such as postgresql becomes postgres).</summary>
    public string? Engine { get; init; }
    /// <summary><c>baktainer.db.name</c>: the database (for SQLite, the database file path).</summary>
    public string? Database { get; init; }
    /// <summary><c>baktainer.db.user</c>.</summary>
    public string? User { get; init; }
    /// <summary><c>baktainer.db.password</c>.</summary>
    public Secret? Password { get; init; }
    /// <summary><c>baktainer.db.password_file</c>: a file inside the container holding the password.</summary>
    public string? PasswordFile { get; init; }
    /// <summary><c>baktainer.db.password_env</c>: an environment variable of the container holding the password.</summary>
    public string? PasswordEnv { get; init; }
    /// <summary><c>baktainer.db.host</c>: host name or socket directory the tool connects to.</summary>
    public string? Host { get; init; }
    /// <summary><c>baktainer.db.port</c>.</summary>
    public int? Port { get; init; }
    /// <summary><c>baktainer.name</c>: the name backups are stored under.</summary>
    public string? Name { get; init; }
    /// <summary><c>baktainer.db.all</c>: dump every database.</summary>
    public bool AllDatabases { get; init; }
    /// <summary><c>baktainer.backup.compress</c> / <c>baktainer.compress</c>.</summary>
    public bool? Compress { get; init; }
    /// <summary><c>baktainer.compression</c>: the codec name (checked against the loaded codecs by the host).</summary>
    public string? Compression { get; init; }
    /// <summary><c>baktainer.backup.encrypt</c>.</summary>
    public bool? Encrypt { get; init; }
    /// <summary><c>baktainer.backup.retention.days</c>; 0 keeps forever.</summary>
    public int? RetentionDays { get; init; }
    /// <summary><c>baktainer.backup.retention.count</c>; 0 keeps all.</summary>
    public int? RetentionCount { get; init; }
    /// <summary><c>baktainer.backup.retention.keep_*</c>: GFS counts by period (<c>last</c>, <c>hourly</c>, ... <c>yearly</c>); only the labels that are set.</summary>
    public IReadOnlyDictionary<string, int> RetentionKeep { get; init; } = new Dictionary<string, int>();
    /// <summary><c>baktainer.backup.priority</c>.</summary>
    public BackupPriority Priority { get; init; } = BackupPriority.Normal;
    /// <summary><c>baktainer.schedule</c>: cron expressions; empty means the global schedule.</summary>
    public IReadOnlyList<string> Schedules { get; init; } = [];
    /// <summary><c>baktainer.depends_on</c>: backup names that run before this one.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    /// <summary><c>baktainer.storage</c>: storage target names; empty means all.</summary>
    public IReadOnlyList<string> Storage { get; init; } = [];
    /// <summary><c>baktainer.notify</c>: notifier names; empty means all.</summary>
    public IReadOnlyList<string> Notify { get; init; } = [];
    /// <summary><c>baktainer.timeout</c>.</summary>
    public TimeSpan? Timeout { get; init; }
    /// <summary><c>baktainer.verify</c>: none, checksum or restore; null means the global setting.</summary>
    public string? Verify { get; init; }

    /// <summary>Whether any password label is set (for describing commands without resolving it).</summary>
    public bool HasPasswordSource => Password is not null || PasswordFile is not null || PasswordEnv is not null;
}
