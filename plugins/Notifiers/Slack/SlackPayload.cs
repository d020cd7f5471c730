using System.Text.Json.Nodes;
using Baktainer.Abstractions.Notifications;
using Baktainer.Notifiers.Content;

namespace Baktainer.Notifiers.Slack;

/// <summary>A Slack incoming-webhook message: <c>text</c> (the fallback) and blocks (header, message, up to 10 fields).</summary>
internal static class SlackPayload
{
    public static JsonNode Build(BackupEvent e)
    {
        var title = EventText.Title(e);
        var fields = new JsonArray(EventText.Facts(e).Take(10)
            .Select(f => (JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = EventText.Truncate($"*{f.Name}*\n{f.Value}", 2000) }).ToArray());
        return new JsonObject
        {
            ["text"] = EventText.Truncate($"{title}: {e.Message}", 3000),
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = EventText.Truncate(title, 150) } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = EventText.Truncate(e.Message, 3000) } },
                new JsonObject { ["type"] = "section", ["fields"] = fields }),
        };
    }
}
