using Baktainer.Abstractions;
using Baktainer.Abstractions.Configuration;
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

    /// <summary>A notifier entry's rule: <c>Events</c>, <c>MinFailures</c>, <c>Recovery</c> (read by the host for every notifier type).</summary>
    private NotificationRule Rule(ComponentEntry entry, HashSet<BackupEventKind> defaults)
    {
        var s = new SettingsSection(entry.Settings);
        var events = defaults;
        if (s.Text("Events") is { } list)
        {
            events = [];
            foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (name.Equals("all", StringComparison.OrdinalIgnoreCase)) events.UnionWith(Enum.GetValues<BackupEventKind>());
                else if (NotificationRule.Names.TryGetValue(name, out var kind)) events.Add(kind);
                else s.Problem("Events", $"names unknown event \"{name}\"", $"all, or some of {string.Join(", ", NotificationRule.Names.Keys)}");
        }
        var rule = new NotificationRule(events, s.Integer("MinFailures", 1, 1, 1000), s.Boolean("Recovery", true));
        foreach (var error in s.Errors) _s.Error(error);
        return rule;
    }

    /// <summary>
    /// The original tool's BT_NOTIFICATION_CHANNELS: one entry per channel, named after it, from
    /// BT_*_WEBHOOK_URL / BT_EMAIL_*. A channel's settings without the channel listed are an error.
    /// </summary>
    private List<ComponentEntry> ChannelEntries(IReadOnlyList<ComponentEntry> configured)
    {
        var list = Text("NotificationChannels");
        var listed = (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToLowerInvariant()).Distinct().ToList();
        if (listed.Any(c => !LegacyChannels.Contains(c)))
            Fail("NotificationChannels", list!, "a comma-separated list of " + string.Join(", ", LegacyChannels));
        var entries = new List<ComponentEntry>();
        foreach (var channel in LegacyChannels)
        {
            var keys = ChannelKeys(channel).ToList();
            var set = keys.Where(k => !string.IsNullOrWhiteSpace(loaded.Root[k])).ToList();
            if (!listed.Contains(channel))
            {
                foreach (var key in keys) Text(key); // reported here, not again as unknown keys
                if (set.Count > 0)
                    _s.Error($"{string.Join(", ", set.Select(loaded.Describe))} set but {(list is null ? "BT_NOTIFICATION_CHANNELS (NotificationChannels)" : loaded.Describe("NotificationChannels"))} does not include {channel}; add {channel} to it or remove {(set.Count > 1 ? "them" : "it")}");
                continue;
            }
            if (configured.Any(e => e.Name.Equals(channel, StringComparison.OrdinalIgnoreCase)))
            {
                _s.Error($"{loaded.Describe("NotificationChannels")} adds a notifier named \"{channel}\" but Notifiers already has one; rename the configured entry");
                continue;
            }
            entries.Add(new ComponentEntry($"NotificationChannels:{channel}", channel, channel, ChannelSettings(channel)));
        }
        return entries.OrderBy(e => listed.IndexOf(e.Name)).ToList();
    }

    /// <summary>The keys of a channel's settings (the email channel's are whatever is under Channels:Email).</summary>
    private IEnumerable<string> ChannelKeys(string channel) => channel switch
    {
        "log" => [],
        "email" => loaded.Root.GetSection(EmailSection).GetChildren().Select(c => c.Path), // untracked: the email plugin reads them
        "webhook" => ["Channels:Webhook", "Channels:WebhookSecret"],
        _ => ["Channels:" + char.ToUpperInvariant(channel[0]) + channel[1..]],
    };

    private IConfiguration ChannelSettings(string channel)
    {
        if (channel == "email") return _config.GetSection(EmailSection); // the email plugin reads (and names) BT_EMAIL_* itself
        var aliases = new Dictionary<string, string>();
        if (channel != "log")
        {
            var urlKey = ChannelKeys(channel).First();
            if (Text(urlKey) is not null) aliases["Url"] = urlKey;
            else _s.Error($"{loaded.Describe("NotificationChannels")} includes {channel} but {LegacyVariables.VariableFor(urlKey)} ({urlKey}) is not set");
            if (channel == "webhook" && Text("Channels:WebhookSecret") is not null) aliases["Secret"] = "Channels:WebhookSecret";
        }
        return new AliasedSettings(aliases, loaded);
    }

    private const string EmailSection = "Channels:Email";
}
