using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Baktainer.Abstractions.Storage;

namespace Baktainer.Storage.Local;

/// <summary>
/// Reads the original (Ruby) tool's backups: <c>&lt;name&gt;-&lt;unix seconds&gt;.sql[.gz]</c> with a
/// <c>.meta</c> JSON sidecar (<c>container_name</c>, <c>engine</c>, <c>database</c>, <c>file_size</c>,
/// <c>checksum</c> = SHA-256 of the file, <c>timestamp</c>). They are presented with a manifest marked
/// <see cref="BackupManifest.Legacy"/> and are never rewritten.
/// </summary>
internal static partial class LegacyMeta
{
    public const string Suffix = ".meta";

    public static async Task<BackupManifest?> TryReadAsync(string file, string key, CancellationToken cancellationToken)
    {
        var sidecar = file + Suffix;
        var name = FileName().Match(Path.GetFileName(file));
        if (!name.Success || !File.Exists(sidecar)) return null;
        try
        {
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(sidecar, cancellationToken).ConfigureAwait(false));
            var root = json.RootElement;
            if (Text(root, "checksum") is not { Length: 64 } sha || Text(root, "engine") is not { } engine) return null;
            var started = DateTimeOffset.FromUnixTimeSeconds(long.Parse(name.Groups["ts"].Value, CultureInfo.InvariantCulture));
            var finished = DateTimeOffset.TryParse(Text(root, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : started;
            var target = Text(root, "container_name") ?? name.Groups["name"].Value;
            return new BackupManifest
            {
                Id = $"legacy-{target}-{started.ToUnixTimeSeconds()}",
                Target = target,
                Engine = engine,
                Database = Text(root, "database"),
                Key = key,
                StartedUtc = started,
                FinishedUtc = finished,
                RawSize = -1,
                StoredSize = root.TryGetProperty("file_size", out var size) && size.TryGetInt64(out var s) ? s : new FileInfo(file).Length,
                Sha256 = sha.ToLowerInvariant(),
                Compression = file.EndsWith(".gz", StringComparison.Ordinal) ? "gzip" : "none",
                Legacy = true,
            };
        }
        catch (Exception e) when (e is JsonException or IOException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string property) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex(@"^(?<name>.+)-(?<ts>\d{9,11})\.sql(\.gz)?$")]
    private static partial Regex FileName();
}
