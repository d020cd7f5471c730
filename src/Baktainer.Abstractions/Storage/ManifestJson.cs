using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baktainer.Abstractions.Storage;

/// <summary>The one JSON form of <see cref="BackupManifest"/>, shared by every storage target.</summary>
public static class ManifestJson
{
    /// <summary>The sidecar's suffix: <c>&lt;backup file&gt;.json</c>.</summary>
    public const string Suffix = ".json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes a manifest to UTF-8 JSON.</summary>
    public static byte[] Serialize(BackupManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, Options);

    /// <summary>Parses a manifest; null when the text is not a manifest.</summary>
    public static BackupManifest? TryParse(ReadOnlySpan<byte> json)
    {
        try { return JsonSerializer.Deserialize<BackupManifest>(json, Options); }
        catch (JsonException) { return null; }
    }
}
