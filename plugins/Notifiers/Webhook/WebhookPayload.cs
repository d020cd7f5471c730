using System.Text.Json;
using System.Text.Json.Nodes;
using Baktainer.Abstractions.Notifications;
using Baktainer.Abstractions.Storage;
using Baktainer.Notifiers.Content;

namespace Baktainer.Notifiers.Webhook;

/// <summary>The webhook body, in the Standard Webhooks shape: <c>{"type", "timestamp", "data"}</c>.</summary>
internal static class WebhookPayload
{
    public static JsonNode Build(BackupEvent e) => new JsonObject
    {
        ["type"] = EventText.TypeName(e.Kind),
        ["timestamp"] = e.TimestampUtc.UtcDateTime.ToString("O"),
        ["data"] = new JsonObject
        {
            ["kind"] = e.Kind.ToString(),
            ["target"] = e.Target,
            ["engine"] = e.Engine,
            ["message"] = e.Message,
            ["error"] = e.Error,
            ["consecutiveFailures"] = e.ConsecutiveFailures,
            ["details"] = new JsonObject(e.Details.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
            ["manifest"] = e.Manifest is null ? null : JsonNode.Parse(ManifestJson.Serialize(e.Manifest)),
        },
    };
}
