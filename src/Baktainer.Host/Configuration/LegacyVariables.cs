namespace Baktainer.Host.Configuration;

/// <summary>The original tool's <c>BT_*</c> environment variables and the settings they set.</summary>
internal static class LegacyVariables
{
    public static IReadOnlyList<(string Variable, string Key)> Map { get; } =
    [
        ("BT_CRON", "Cron"),
        ("BT_THREADS", "Threads"),
        ("BT_BACKUP_DIR", "BackupDir"),
        ("BT_COMPRESS", "Compress"),
        ("BT_DOCKER_URL", "Docker:Url"),
        ("BT_SSL", "Docker:Tls"),
        ("BT_CA", "Docker:Ca"),
        ("BT_CERT", "Docker:Cert"),
        ("BT_KEY", "Docker:Key"),
        ("BT_LOG_LEVEL", "LogLevel"),
        ("BT_RETENTION_DAYS", "Retention:Days"),
        ("BT_RETENTION_COUNT", "Retention:Count"),
        ("BT_MIN_FREE_SPACE_GB", "MinFreeSpaceGb"),
        ("BT_ENCRYPTION_ENABLED", "Encryption:Enabled"),
        ("BT_ENCRYPTION_KEY", "Encryption:Key"),
        ("BT_ENCRYPTION_KEY_FILE", "Encryption:KeyFile"),
        ("BT_ENCRYPTION_PASSPHRASE", "Encryption:Passphrase"),
        ("BT_ENCRYPTION_RECIPIENT", "Encryption:Recipient"),
        ("BT_ENCRYPTION_OLD_KEYS", "Encryption:OldKeys"),
        ("BT_PLUGIN_DIR", "PluginDir"),
        ("BT_HEALTH_PORT", "HealthPort"),
        ("BT_TIMEZONE", "Timezone"),
        ("BT_VERIFY", "Verify"),
        ("BT_TIMEOUT", "Timeout"),
        ("BT_CRON_SECONDS", "CronSeconds"),
        ("BT_JITTER", "Jitter"),
        ("BT_SHUTDOWN_GRACE", "ShutdownGrace"),
        ("BT_CATCH_UP", "CatchUp"),
        ("BT_RETRY_ATTEMPTS", "RetryAttempts"),
        ("BT_RETRY_DELAY", "RetryDelay"),
    ];

    /// <summary>The variable that sets <paramref name="key"/>, or null.</summary>
    public static string? VariableFor(string key) =>
        Map.FirstOrDefault(m => m.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Variable;
}
