using Microsoft.Extensions.Configuration;

namespace Baktainer.Host.Configuration;

/// <summary>
/// Keys in the configuration (file or <c>Baktainer__*</c> variables) that neither the host nor any
/// loaded plugin read: errors, each naming the key, where it was set and the closest known key.
/// Checked after the settings were read, the plugins registered and every entry built once. Blank
/// values count as unset everywhere, so they are not checked.
/// </summary>
internal static class UnknownKeys
{
    /// <param name="loaded">The configuration, with the keys read so far.</param>
    /// <param name="skipped">Entries (e.g. <c>Storage:1</c>) not checked here: no plugin provides their type, which is reported already.</param>
    public static IEnumerable<string> Check(LoadedConfiguration loaded, IReadOnlyCollection<string> skipped)
    {
        loaded.Tracked.GetSection(PluginsSection); // known even when no plugin is loaded: its children are checked
        var present = loaded.Root.AsEnumerable()
            .Where(kv => !string.IsNullOrWhiteSpace(kv.Value) && !skipped.Any(s => kv.Key.Equals(s, StringComparison.OrdinalIgnoreCase) || kv.Key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase)))
            .Select(kv => kv.Key);
        return loaded.Keys.Unknown(present).Select(u => Message(loaded, u));
    }

    private const string PluginsSection = "Plugins";

    private static string Message(LoadedConfiguration loaded, UnknownKey unknown) =>
        unknown.Path.Split(':') is [PluginsSection, var id]
            ? $"{loaded.Describe(unknown.Path)} configures plugin '{id}', which is not loaded" + (unknown.Suggestion is { } plugin ? $"; did you mean {plugin}?" : "; see 'baktainer plugins list'")
            : $"unknown key {loaded.Describe(unknown.Path)}" + (unknown.Suggestion is { } near
            ? $"; did you mean {near}?"
            : unknown.Path.Contains(':')
                ? "; the plugin or entry it belongs to reads no such key"
                : "; not a setting of Baktainer or of a loaded plugin (see README, Configuration)");
}
