using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Baktainer.Abstractions;

namespace Baktainer.Notifiers.Delivery;

/// <summary>JSON POST requests for the chat and webhook notifiers.</summary>
internal static class JsonRequest
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode body) => body.ToJsonString(Options);

    public static HttpRequestMessage Post(Secret url, string json) =>
        new(HttpMethod.Post, url.Reveal()) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static Func<HttpRequestMessage> Poster(Secret url, JsonNode body)
    {
        var json = Serialize(body);
        return () => Post(url, json);
    }
}
