using System.Text.Json.Nodes;
using Baktainer.Abstractions.Notifications;
using Baktainer.Notifiers.Content;

namespace Baktainer.Notifiers.Discord;

/// <summary>A Discord webhook message: short content and one embed coloured by result (green, amber, red, blue).</summary>
internal static class DiscordPayload
{
    public static int Colour(Severity severity) => severity switch
    {
        Severity.Success => 0x2EB67D,
        Severity.Warning => 0xECB22E,
        Severity.Failure => 0xE01E5A,
        _ => 0x36C5F0,
    };

    public static JsonNode Build(BackupEvent e)
    {
        var fields = new JsonArray(EventText.Facts(e).Take(25)
            .Select(f => (JsonNode)new JsonObject { ["name"] = EventText.Truncate(f.Name, 256), ["value"] = EventText.Truncate(f.Value, 1024), ["inline"] = f.Value.Length < 40 }).ToArray());
        return new JsonObject
        {
            ["content"] = EventText.Truncate(EventText.Title(e), 2000),
            ["embeds"] = new JsonArray(new JsonObject
            {
                ["title"] = EventText.Truncate(EventText.Title(e), 256),
                ["description"] = EventText.Truncate(e.Message, 4096),
                ["timestamp"] = e.TimestampUtc.UtcDateTime.ToString("O"),
                ["color"] = Colour(EventText.SeverityOf(e)),
                ["fields"] = fields,
                ["footer"] = new JsonObject { ["text"] = "Baktainer" },
            }),
        };
    }
}
