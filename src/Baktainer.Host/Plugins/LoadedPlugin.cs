using System.Text.Json.Serialization;

namespace Baktainer.Host.Plugins;

/// <summary>Whether a plugin is in use.</summary>
internal enum PluginState
{
    Loaded,
    Failed,
}

/// <summary>What became of one plugin folder.</summary>
/// <param name="Id">The plugin id (the folder name when the manifest is unreadable).</param>
/// <param name="Version">Its version, when known.</param>
/// <param name="Folder">Its folder.</param>
/// <param name="State">Loaded or failed.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Contracts">What it provides, e.g. <c>engine postgres</c>, <c>storage local</c>.</param>
internal sealed record LoadedPlugin(
    string Id,
    string? Version,
    string Folder,
    PluginState State,
    string? Error,
    IReadOnlyList<string> Contracts)
{
    /// <summary>The exception behind <see cref="Error"/>, logged with its stack under <c>--verbose</c>.</summary>
    [JsonIgnore]
    public Exception? Exception { get; init; }

    /// <summary>The services the plugin registered (see <see cref="PluginOfferings"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<Microsoft.Extensions.DependencyInjection.ServiceDescriptor> Registrations { get; init; } = [];

    public static LoadedPlugin Failed(string id, string? version, string folder, string error, Exception? exception = null) =>
        new(id, version, folder, PluginState.Failed, error, []) { Exception = exception };
}
