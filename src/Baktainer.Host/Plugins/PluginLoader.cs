using System.Reflection;
using Baktainer.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Plugins;

/// <summary>
/// Loads every plugin folder under the plugin directory, each in its own load context. A broken
/// folder (missing assembly, bad manifest, wrong Abstractions version, a registration that throws)
/// is reported and skipped; the others still load.
/// </summary>
internal sealed class PluginLoader(ILogger logger)
{
    public IReadOnlyList<LoadedPlugin> LoadAll(string pluginDir, IServiceCollection services, IConfiguration configuration) =>
        LoadAll(pluginDir, null, services, configuration);

    /// <summary>Loads <paramref name="pluginDir"/>, then the optional drop-in <paramref name="extraDir"/> (BT_PLUGIN_EXTRA_DIR).</summary>
    public IReadOnlyList<LoadedPlugin> LoadAll(string pluginDir, string? extraDir, IServiceCollection services, IConfiguration configuration)
    {
        if (!Directory.Exists(pluginDir))
            logger.LogWarning("Plugin folder {PluginDir} does not exist; no engines, storage or discovery are available (set BT_PLUGIN_DIR)", pluginDir);
        if (extraDir is not null && !Directory.Exists(extraDir))
            logger.LogDebug("Extra plugin folder {PluginExtraDir} (BT_PLUGIN_EXTRA_DIR) does not exist; nothing added from it", extraDir);
        var folders = new[] { pluginDir, extraDir }.OfType<string>().Where(Directory.Exists)
            .SelectMany(dir => Directory.GetDirectories(dir).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal));
        var results = new List<LoadedPlugin>();
        foreach (var folder in folders)
        {
            var result = LoadOne(folder, services, configuration);
            if (result.State == PluginState.Failed)
                LogFailure(result);
            else
                logger.LogDebug("Plugin {Id} {Version} loaded from {Folder}", result.Id, result.Version, folder);
            results.Add(result);
        }
        var duplicates = results.Where(r => r.State == PluginState.Loaded).GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1);
        foreach (var group in duplicates)
            logger.LogWarning("Plugin {Id} is installed in several folders: {Folders}", group.Key, string.Join(", ", group.Select(g => g.Folder)));
        return results;
    }

    private static LoadedPlugin LoadOne(string folder, IServiceCollection services, IConfiguration configuration)
    {
        var id = Path.GetFileName(folder);
        PluginManifest? manifest = null;
        try
        {
            var manifestPath = Path.Combine(folder, PluginManifest.FileName);
            if (!File.Exists(manifestPath))
                throw new PluginException($"{folder}: no {PluginManifest.FileName}; a plugin folder needs one (id, version, assembly, abstractions)");
            manifest = PluginManifest.Parse(File.ReadAllText(manifestPath), folder);
            id = manifest.Id;
            var assemblyPath = Path.Combine(folder, manifest.Assembly);
            if (!File.Exists(assemblyPath))
                throw new PluginException($"{folder}: {PluginManifest.FileName} names assembly '{manifest.Assembly}', which is not in the folder");

            var context = new PluginLoadContext(manifest.Id, assemblyPath);
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            CheckAbstractionsReference(assembly, manifest);
            var added = PluginRegistrar.Register(assembly, manifest.Id, services, configuration);
            return new LoadedPlugin(manifest.Id, manifest.Version, folder, PluginState.Loaded, null, PluginRegistrar.Describe(added)) { Registrations = added };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return LoadedPlugin.Failed(id, manifest?.Version, folder, Explain(e, id), e);
        }
    }

    /// <summary>One error line with the exception's type; its stack only at debug level (<c>--verbose</c>).</summary>
    private void LogFailure(LoadedPlugin result)
    {
        var exception = result.Exception is TargetInvocationException { InnerException: { } inner } ? inner : result.Exception;
        logger.LogError("Plugin in {Folder} skipped: {Reason} ({ExceptionType})", result.Folder, result.Error, exception?.GetType().FullName);
        if (exception is not null && logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug(exception, "Plugin {Id} failed to load or register", result.Id);
    }

    private static void CheckAbstractionsReference(Assembly assembly, PluginManifest manifest)
    {
        var reference = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "Baktainer.Abstractions");
        if (reference?.Version is { } version && version.Major != AbstractionsVersion.Major)
            throw new PluginException($"plugin '{manifest.Id}' was built against Baktainer.Abstractions {version} but this host provides {AbstractionsVersion.Major}.x");
    }

    private static string Explain(Exception e, string id) => e switch
    {
        PluginException => e.Message,
        ReflectionTypeLoadException r => $"plugin '{id}': a type could not be loaded ({r.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? r.Message})",
        BadImageFormatException or FileLoadException or FileNotFoundException => $"plugin '{id}': an assembly could not be loaded ({e.Message})",
        TargetInvocationException { InnerException: { } inner } => Explain(inner, id),
        _ => $"plugin '{id}' failed while registering: {e.GetType().Name}: {e.Message}",
    };
}
