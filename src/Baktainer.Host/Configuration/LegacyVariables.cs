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
        ("BT_HEALTH_ENABLED", "HealthEnabled"),
        ("BT_HEALTH_BIND", "HealthBind"),
        ("BT_API_TOKEN", "ApiToken"),
        ("BT_OVERDUE_GRACE", "OverdueGrace"),
        ("BT_HEALTH_OVERDUE", "HealthOverdue"),
        ("BT_DOCKER_UNREACHABLE_AFTER", "DockerUnreachableAfter"),
        ("BT_STORAGE_LOW_GB", "StorageLowGb"),
        ("BT_NOTIFY_SUCCESS", "Notify:Success"),
        ("BT_NOTIFY_FAILURES", "Notify:Failures"),
        ("BT_NOTIFY_WARNINGS", "Notify:Warnings"),
        ("BT_NOTIFY_HEALTH", "Notify:Health"),
        ("BT_NOTIFY_SUMMARY", "Notify:Summary"),
        ("BT_NOTIFY_SUMMARY_AT", "Notify:SummaryAt"),
        ("BT_NOTIFICATION_CHANNELS", "NotificationChannels"),
        ("BT_SLACK_WEBHOOK_URL", "Channels:Slack"),
        ("BT_DISCORD_WEBHOOK_URL", "Channels:Discord"),
        ("BT_TEAMS_WEBHOOK_URL", "Channels:Teams"),
        ("BT_WEBHOOK_URL", "Channels:Webhook"),
        ("BT_WEBHOOK_SECRET", "Channels:WebhookSecret"),
        ("BT_EMAIL_HOST", "Channels:Email:Host"),
        ("BT_EMAIL_PORT", "Channels:Email:Port"),
        ("BT_EMAIL_STARTTLS", "Channels:Email:StartTls"),
        ("BT_EMAIL_USER", "Channels:Email:User"),
        ("BT_EMAIL_PASSWORD", "Channels:Email:Password"),
        ("BT_EMAIL_FROM", "Channels:Email:From"),
        ("BT_EMAIL_TO", "Channels:Email:To"),
    ];

    /// <summary>The variable that sets <paramref name="key"/>, or null.</summary>
    public static string? VariableFor(string key) =>
        Map.FirstOrDefault(m => m.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Variable;
}
