using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Image;

/// <summary>
/// The plugins the image must bundle: every plugin project under plugins/ (its id is the folder
/// name unless the project sets PluginId) and every plugin folder the build put beside the host.
/// </summary>
internal static partial class BundledPlugins
{
    public static IReadOnlySet<string> Expected()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var project in Directory.GetFiles(Path.Combine(RepoPaths.Root, "plugins"), "*.csproj", SearchOption.AllDirectories))
        {
            var declared = PluginId().Match(File.ReadAllText(project));
            ids.Add(declared.Success ? declared.Groups[1].Value : Path.GetFileName(Path.GetDirectoryName(project))!);
        }
        foreach (var folder in Directory.GetDirectories(RepoPaths.BundledPlugins))
            ids.Add(Path.GetFileName(folder));
        return ids;
    }

    [GeneratedRegex("<PluginId>([^<]+)</PluginId>")]
    private static partial Regex PluginId();
}
