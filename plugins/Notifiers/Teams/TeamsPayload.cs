using System.Text.Json.Nodes;
using Baktainer.Abstractions.Notifications;
using Baktainer.Notifiers.Content;

namespace Baktainer.Notifiers.Teams;

/// <summary>
/// A Power Automate Workflows message carrying an Adaptive Card 1.4 (1.5 is refused by Teams
/// workflows; the retired O365 connector cards are not used): title, message and a fact set.
/// </summary>
internal static class TeamsPayload
{
    public static JsonNode Build(BackupEvent e)
    {
        var colour = EventText.SeverityOf(e) switch
        {
            Severity.Success => "Good",
            Severity.Warning => "Warning",
            Severity.Failure => "Attention",
            _ => "Default",
        };
        var facts = new JsonArray(EventText.Facts(e).Select(f => (JsonNode)new JsonObject { ["title"] = f.Name, ["value"] = f.Value }).ToArray());
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = EventText.Title(e), ["weight"] = "Bolder", ["size"] = "Medium", ["color"] = colour, ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = e.Message, ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card }),
        };
    }
}
