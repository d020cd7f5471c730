using System.Reflection;

namespace Baktainer.Host.Plugins;

/// <summary>The plugins of this run and what became of each; used for listing and manifests.</summary>
internal sealed class PluginCatalog(IReadOnlyList<LoadedPlugin> plugins)
{
    /// <summary>Every plugin folder, loaded or failed.</summary>
    public IReadOnlyList<LoadedPlugin> All => plugins;

    public IEnumerable<LoadedPlugin> Loaded => plugins.Where(p => p.State == PluginState.Loaded);

    /// <summary>Plugin id → version of every loaded plugin, recorded in backup manifests.</summary>
    public IReadOnlyDictionary<string, string> Versions =>
        Loaded.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Version ?? "");

    /// <summary>The id of the loaded plugin whose folder holds <paramref name="assembly"/>; null when none does.</summary>
    public string? PluginOf(Assembly assembly)
    {
        var folder = Path.GetDirectoryName(assembly.Location);
        return folder is null ? null : Loaded.FirstOrDefault(p => Path.GetFullPath(p.Folder).TrimEnd('/') == Path.GetFullPath(folder).TrimEnd('/'))?.Id;
    }
}
