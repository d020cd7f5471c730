using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Docs;

/// <summary>
/// docs/migrating.md maps every label and BT_* variable of the original tool, and every variable it
/// says still works is one the host reads (or rejects by name).
/// </summary>
public sealed partial class MigratingGuideTests
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "migrating.md"));

    /// <summary>What the original (Ruby) tool read, from its configuration and notification code.</summary>
    private static readonly string[] OriginalVariables =
    [
        "BT_DOCKER_URL", "BT_CRON", "BT_THREADS", "BT_LOG_LEVEL", "BT_BACKUP_DIR", "BT_COMPRESS", "BT_SSL", "BT_CA", "BT_CERT", "BT_KEY",
        "BT_ROTATION_ENABLED", "BT_RETENTION_DAYS", "BT_RETENTION_COUNT", "BT_MIN_FREE_SPACE_GB", "BT_ENCRYPTION_ENABLED", "BT_ENCRYPTION_KEY",
        "BT_ENCRYPTION_KEY_FILE", "BT_ENCRYPTION_PASSPHRASE", "BT_KEY_ROTATION_ENABLED", "BT_HEALTH_SERVER_ENABLED", "BT_HEALTH_PORT",
        "BT_HEALTH_BIND", "BT_NOTIFICATION_CHANNELS", "BT_SLACK_WEBHOOK_URL", "BT_DISCORD_WEBHOOK_URL", "BT_TEAMS_WEBHOOK_URL", "BT_WEBHOOK_URL",
        "BT_NOTIFY_SUCCESS", "BT_NOTIFY_FAILURES", "BT_NOTIFY_WARNINGS", "BT_NOTIFY_HEALTH", "BT_NOTIFY_SUMMARY",
    ];

    private static readonly string[] OriginalLabels =
    [
        "baktainer.backup", "baktainer.db.engine", "baktainer.db.name", "baktainer.db.user", "baktainer.db.password", "baktainer.name",
        "baktainer.db.all", "baktainer.compress", "baktainer.backup.compress", "baktainer.backup.encrypt", "baktainer.backup.retention.days",
        "baktainer.backup.retention.count", "baktainer.backup.priority", "baktainer.command",
    ];

    [Test]
    public void Guide_EveryOriginalVariableAndLabel_Mapped()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in OriginalVariables.Concat(OriginalLabels))
                Assert.That(Guide, Does.Contain($"`{name}`"), name);
        });
    }

    [Test]
    public void Guide_VariablesItNames_KnownToTheHost()
    {
        var configuration = Path.Combine(RepoPaths.Root, "src", "Baktainer.Host", "Configuration");
        var known = File.ReadAllText(Path.Combine(configuration, "LegacyVariables.cs")) + File.ReadAllText(Path.Combine(configuration, "RetiredVariables.cs"));
        var named = Variable().Matches(Guide).Select(m => m.Groups[1].Value).Where(v => !v.EndsWith('_')).Distinct().ToList();

        Assert.That(named.Where(v => !known.Contains($"(\"{v}\"", StringComparison.Ordinal)), Is.Empty);
    }

    [GeneratedRegex(@"`(BT_[A-Z0-9_]+)`")]
    private static partial Regex Variable();
}
