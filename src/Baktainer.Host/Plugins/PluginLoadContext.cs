using System.Reflection;
using System.Runtime.Loader;

namespace Baktainer.Host.Plugins;

/// <summary>
/// One load context per plugin folder: the plugin's own dependencies resolve from its deps.json
/// and folder, so two plugins may carry different versions of one library; shared contracts
/// come from the host (see <see cref="SharedAssemblies"/>).
/// </summary>
internal sealed class PluginLoadContext(string pluginId, string mainAssemblyPath)
    : AssemblyLoadContext($"plugin:{pluginId}", isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (SharedAssemblies.IsShared(assemblyName)) return null;
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
