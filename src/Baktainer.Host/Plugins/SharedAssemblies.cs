using System.Reflection;

namespace Baktainer.Host.Plugins;

/// <summary>
/// Which assemblies a plugin shares with the host (resolved in the default load context) so that
/// contract types are identical on both sides: Baktainer.Abstractions and the host's
/// Microsoft.Extensions.* assemblies (DI, configuration, logging, options). Everything else a
/// plugin carries is private to it.
/// </summary>
internal static class SharedAssemblies
{
    private static readonly HashSet<string> HostAssemblies = LoadHostAssemblyNames();

    public static bool IsShared(AssemblyName name) =>
        name.Name is { } simple
        && (simple == "Baktainer.Abstractions"
            || (simple.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && HostAssemblies.Contains(simple)));

    private static HashSet<string> LoadHostAssemblyNames()
    {
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        return list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }
}
