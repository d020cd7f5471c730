using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baktainer.Host.Api;

/// <summary>The API's one JSON style: camelCase, indented, nulls left out.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
