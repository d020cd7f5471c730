using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Image;

/// <summary>
/// The plugins the image must bundle: every plugin project under plugins/ (its id is the folder
/// name unless the project sets PluginId), every pack under samples/ (its package id) and every
/// plugin folder the build put beside the host.
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
        foreach (var project in SamplePacks.Projects())
        {
            var package = PackageId().Match(File.ReadAllText(project));
            ids.Add(package.Success ? package.Groups[1].Value : Path.GetFileNameWithoutExtension(project));
        }
        foreach (var folder in Directory.GetDirectories(RepoPaths.BundledPlugins))
            ids.Add(Path.GetFileName(folder));
        return ids;
    }

    [GeneratedRegex("<PackageId>([^<]+)</PackageId>")]
    private static partial Regex PackageId();

    [GeneratedRegex("<PluginId>([^<]+)</PluginId>")]
    private static partial Regex PluginId();
}
