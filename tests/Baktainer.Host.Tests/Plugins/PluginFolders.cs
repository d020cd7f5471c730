using Baktainer.Tests.Shared;

namespace Baktainer.Host.Tests.Plugins;

/// <summary>Builds plugin folders for tests from the real test plugins built beside them.</summary>
internal static class PluginFolders
{
    public const string JsonOld = "TestPlugin.JsonOld";
    public const string JsonNew = "TestPlugin.JsonNew";
    public const string Throwing = "TestPlugin.Throwing";

    /// <summary>Copies a built test plugin into <paramref name="pluginDir"/> under <paramref name="folderName"/>.</summary>
    public static string Copy(string plugin, string pluginDir, string? folderName = null)
    {
        var source = Path.Combine(RepoPaths.TestPlugins, plugin);
        if (!File.Exists(Path.Combine(source, "plugin.json")))
            throw new InvalidOperationException($"test plugin {plugin} is not built at {source}");
        var target = Path.Combine(pluginDir, folderName ?? plugin);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        return target;
    }

    public static string Package(string plugin) =>
        Path.Combine(RepoPaths.TestPackages, $"Baktainer.{plugin}.1.0.0.nupkg");
}
