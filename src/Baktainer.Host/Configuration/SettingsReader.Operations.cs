using Baktainer.Abstractions;
using Baktainer.Abstractions.Notifications;
using Baktainer.Host.Notifications;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Host.Configuration;

/// <summary>The HTTP API, health thresholds, BT_NOTIFY_* defaults, the original tool's notification channels and each notifier's rule.</summary>
internal sealed partial class SettingsReader
{
    private static readonly string[] LegacyChannels = ["slack", "discord", "teams", "webhook", "email", "log"];

    private BaktainerSettings WithOperations(BaktainerSettings settings)
    {
        var notifiers = settings.Notifiers.Concat(ChannelEntries(settings.Notifiers)).ToList();
        var defaults = new OperationsSettings();
        var events = DefaultEvents();
        var operations = new OperationsSettings
        {
            HttpEnabled = Boolean("HealthEnabled") ?? defaults.HttpEnabled,
            Bind = Bind() ?? defaults.Bind,
            ApiToken = Text("ApiToken") is { } token ? new Secret(token) : null,
            OverdueGrace = Duration("OverdueGrace") ?? defaults.OverdueGrace,
            HealthOverdue = Boolean("HealthOverdue") ?? defaults.HealthOverdue,
            DockerUnreachableAfter = Duration("DockerUnreachableAfter") ?? defaults.DockerUnreachableAfter,
            StorageLowGb = Number("StorageLowGb", 0, 1_000_000) ?? defaults.StorageLowGb,
            HealthInterval = Duration("HealthInterval") ?? defaults.HealthInterval,
            SummaryAt = Text("Notify:SummaryAt") is { } at
                ? TimeOnly.TryParseExact(at, ["HH:mm", "H:mm"], out var time) ? time : FailStruct<TimeOnly>("Notify:SummaryAt", at, "a time of day such as 08:00") ?? defaults.SummaryAt
                : defaults.SummaryAt,
            Rules = notifiers.ToDictionary(e => e.Name, e => Rule(e, events), StringComparer.OrdinalIgnoreCase),
        };
        return settings with { Notifiers = notifiers, Operations = operations };
    }

    private string? Bind()
    {
        if (Text("HealthBind") is not { } bind) return null;
        return bind == "*" || bind == "localhost" || System.Net.IPAddress.TryParse(bind, out _) ? bind : Fail("HealthBind", bind, "an IP address such as 0.0.0.0, 127.0.0.1 or ::");
    }

    /// <summary>BT_NOTIFY_SUCCESS (false), _FAILURES (true), _WARNINGS (true), _HEALTH (true), _SUMMARY (false).</summary>
    private HashSet<BackupEventKind> DefaultEvents()
    {
        var events = new HashSet<BackupEventKind>();
        if (Boolean("Notify:Success") ?? false) events.UnionWith(NotificationRule.SuccessGroup);
        if (Boolean("Notify:Failures") ?? true) events.UnionWith(NotificationRule.FailureGroup);
        if (Boolean("Notify:Warnings") ?? true) events.UnionWith(NotificationRule.WarningGroup);
        if (Boolean("Notify:Health") ?? true) events.UnionWith(NotificationRule.HealthGroup);
        if (Boolean("Notify:Summary") ?? false) events.Add(BackupEventKind.Summary);
        return events;
    }

    private NotificationRule Rule(ComponentEntry entry, HashSet<BackupEventKind> defaults)
    {
        var key = entry.Key;
        var events = defaults;
        if (entry.Settings["Events"] is { } list && !string.IsNullOrWhiteSpace(list))
        {
            events = [];
            foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (name.Equals("all", StringComparison.OrdinalIgnoreCase)) events.UnionWith(Enum.GetValues<BackupEventKind>());
                else if (NotificationRule.Names.TryGetValue(name, out var kind)) events.Add(kind);
                else _errors.Add($"{loaded.Describe(key + ":Events")} names unknown event \"{name}\"; valid: all, {string.Join(", ", NotificationRule.Names.Keys)}");
        }
        var min = entry.Settings["MinFailures"] is { } m && !string.IsNullOrWhiteSpace(m)
            ? Abstractions.Labels.LabelValues.TryInteger(m, 1, 1000, out var n) ? (int)n : FailStruct<int>(key + ":MinFailures", m, "a whole number from 1 to 1000") ?? 1
            : 1;
        var recovery = entry.Settings["Recovery"] is { } r && !string.IsNullOrWhiteSpace(r)
            ? Abstractions.Labels.LabelValues.TryBoolean(r, out var b) ? b : FailStruct<bool>(key + ":Recovery", r, "true or false") ?? true
            : true;
        return new NotificationRule(events, min, recovery);
    }

    /// <summary>The original tool's BT_NOTIFICATION_CHANNELS: one entry per channel, named after it, from BT_*_WEBHOOK_URL / BT_EMAIL_*.</summary>
    private IEnumerable<ComponentEntry> ChannelEntries(IReadOnlyList<ComponentEntry> configured)
    {
        if (Text("NotificationChannels") is not { } list) yield break;
        foreach (var channel in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToLowerInvariant()).Distinct())
        {
            if (!LegacyChannels.Contains(channel))
            {
                Fail("NotificationChannels", list, "a comma-separated list of " + string.Join(", ", LegacyChannels));
                continue;
            }
            if (configured.Any(e => e.Name.Equals(channel, StringComparison.OrdinalIgnoreCase)))
            {
                _errors.Add($"{loaded.Describe("NotificationChannels")} adds a notifier named \"{channel}\" but Notifiers already has one; rename the configured entry");
                continue;
            }
            var values = new Dictionary<string, string?>();
            if (channel == "email")
                foreach (var child in _config.GetSection("Channels:Email").GetChildren()) values[child.Key] = child.Value;
            else if (channel != "log")
            {
                var urlKey = "Channels:" + char.ToUpperInvariant(channel[0]) + channel[1..];
                if (Text(urlKey) is { } url) values["Url"] = url;
                else _errors.Add($"{loaded.Describe("NotificationChannels")} includes {channel} but {LegacyVariables.VariableFor(urlKey)} ({urlKey}) is not set");
                if (channel == "webhook" && Text("Channels:WebhookSecret") is { } secret) values["Secret"] = secret;
            }
            values["Name"] = channel;
            values["Type"] = channel;
            yield return new ComponentEntry($"NotificationChannels:{channel}", channel, channel, new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        }
    }
}
