using System.Text.Json;
using System.Text.Json.Serialization;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Labels;

namespace Baktainer.Host.Plugins;

/// <summary>A plugin folder's <c>plugin.json</c>.</summary>
internal sealed record PluginManifest(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("assembly")] string Assembly,
    [property: JsonPropertyName("abstractions")] int Abstractions)
{
    public const string FileName = "plugin.json";

    /// <summary>Parses and checks a manifest; the exception message says what is wrong.</summary>
    /// <exception cref="PluginException">Not valid JSON, a field missing or unsafe, or the wrong Abstractions major version.</exception>
    public static PluginManifest Parse(string json, string where)
    {
        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(json);
        }
        catch (JsonException e)
        {
            throw new PluginException($"{where}: {FileName} is not valid JSON ({e.Message})");
        }
        if (manifest is null) throw new PluginException($"{where}: {FileName} is empty");
        if (string.IsNullOrWhiteSpace(manifest.Id) || !LabelValues.IsName(manifest.Id))
            throw new PluginException($"{where}: {FileName} field 'id' is missing or not a plain name (letters, digits, . _ -)");
        if (string.IsNullOrWhiteSpace(manifest.Version))
            throw new PluginException($"{where}: {FileName} field 'version' is missing");
        if (string.IsNullOrWhiteSpace(manifest.Assembly) || manifest.Assembly != Path.GetFileName(manifest.Assembly) || !manifest.Assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            throw new PluginException($"{where}: {FileName} field 'assembly' must be a .dll file name in the plugin folder");
        if (manifest.Abstractions != AbstractionsVersion.Major)
            throw new PluginException($"{where}: plugin '{manifest.Id}' targets Baktainer.Abstractions {manifest.Abstractions}.x but this host provides {AbstractionsVersion.Major}.x; install a version of the plugin built for {AbstractionsVersion.Major}.x");
        return manifest;
    }
}

/// <summary>A plugin cannot be loaded, registered or installed; the message says which and why.</summary>
internal sealed class PluginException(string message, Exception? inner = null) : BaktainerException(message, inner);
