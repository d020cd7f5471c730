using System.Text.RegularExpressions;
using Baktainer.Abstractions;
using Baktainer.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Host.Api;

/// <summary>
/// The effective configuration for /config with every secret masked: passwords, keys, tokens,
/// passphrases and every URL of a notifier or storage entry (webhook URLs carry tokens).
/// </summary>
internal sealed partial class ConfigurationView(BaktainerSettings settings, LoadedConfiguration loaded)
{
    public object Build()
    {
        var ops = settings.Operations;
        return new
        {
            file = loaded.File,
            settings = new
            {
                settings.Cron, settings.Threads, settings.BackupDir, settings.Compress, settings.Compression, compressionLevel = settings.CompressionLevel ?? "default",
                logLevel = settings.LogLevel.ToString(), settings.Timezone, timeout = settings.Timeout.ToString(), settings.Verify,
                retention = new { days = settings.RetentionDays, count = settings.RetentionCount }, settings.MinFreeSpaceGb, settings.FileMode, settings.PluginDir, settings.PluginExtraDir,
                encryption = new { settings.Encryption.Enabled, key = Mask(settings.Encryption.Key), settings.Encryption.KeyFile, passphrase = Mask(settings.Encryption.Passphrase) },
                http = new { enabled = ops.HttpEnabled, bind = ops.Bind, port = settings.HealthPort, apiToken = Mask(ops.ApiToken) },
                health = new { overdueGrace = ops.OverdueGrace.ToString(), ops.HealthOverdue, dockerUnreachableAfter = ops.DockerUnreachableAfter.ToString(), ops.StorageLowGb, summaryAt = ops.SummaryAt.ToString("HH:mm") },
                schedule = new { settings.CronSeconds, jitter = settings.Jitter.ToString(), shutdownGrace = settings.ShutdownGrace.ToString(), settings.CatchUp, settings.RetryAttempts, retryDelay = settings.RetryDelay.ToString() },
            },
            storage = settings.Storage.Select(Entry),
            notifiers = settings.Notifiers.Select(e => new
            {
                entry = Entry(e),
                rule = ops.Rules.GetValueOrDefault(e.Name) is { } rule
                    ? new { events = rule.Events.Select(k => Notifications.NotificationRule.Names.First(n => n.Value == k).Key).Order(), rule.MinFailures, rule.Recovery }
                    : null,
            }),
            discovery = settings.Discovery.Select(Entry),
            setBy = loaded.Origins,
        };
    }

    private static object Entry(ComponentEntry entry) => new
    {
        entry.Name, entry.Type, key = entry.Key,
        // The default storage reads global keys (BackupDir, MinFreeSpaceGb, FileMode), shown under settings.
        settings = entry.FromGlobal ? new Dictionary<string, string>() : entry.Settings.AsEnumerable(makePathsRelative: true).Where(kv => kv.Value is not null && kv.Key is not ("Name" or "Type"))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => Redact(kv.Key, kv.Value!)),
    };

    /// <summary>The value, or the mask when the key names a secret (unix socket URLs are shown).</summary>
    public static string Redact(string key, string value) =>
        SecretKey().IsMatch(key) && !value.StartsWith("unix://", StringComparison.Ordinal) ? Secret.Mask : value;

    private static string? Mask(Secret? secret) => secret is null ? null : Secret.Mask;

    [GeneratedRegex(@"(password|secret|token|key|passphrase|url|webhook|auth|credential)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();
}
