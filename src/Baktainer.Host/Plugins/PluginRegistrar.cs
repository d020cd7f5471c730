using System.Reflection;
using Baktainer.Abstractions.Compression;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Notifications;
using Baktainer.Abstractions.Plugins;
using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Host.Plugins;

/// <summary>
/// Finds a plugin assembly's <see cref="IBaktainerPlugin"/> classes with Scrutor and lets them
/// register into a staging collection, which is merged into the host's only when every one of
/// them succeeded: a plugin that throws leaves no half-registration behind.
/// </summary>
internal static class PluginRegistrar
{
    private static readonly Type[] Contracts =
        [typeof(IBackupStrategy), typeof(IStorageTargetFactory), typeof(INotifierFactory), typeof(IDiscoveryProviderFactory), typeof(ICompressionCodec)];

    /// <summary>Registers the plugin and returns what it added.</summary>
    /// <exception cref="PluginException">No entry point, or one that failed to construct or register.</exception>
    public static IReadOnlyList<ServiceDescriptor> Register(Assembly assembly, string pluginId, IServiceCollection services, IConfiguration configuration)
    {
        var scan = new ServiceCollection();
        scan.Scan(s => s.FromAssemblies(assembly)
            .AddClasses(c => c.AssignableTo<IBaktainerPlugin>())
            .As<IBaktainerPlugin>()
            .WithTransientLifetime());
        if (scan.Count == 0)
            throw new PluginException($"plugin '{pluginId}': {assembly.GetName().Name}.dll has no public class implementing IBaktainerPlugin");

        // The staging copy holds the host's registrations, so a plugin's TryAdd* sees them.
        IServiceCollection staging = new ServiceCollection();
        foreach (var existing in services) staging.Add(existing);
        using (var entryPoints = scan.BuildServiceProvider())
        {
            foreach (var plugin in entryPoints.GetServices<IBaktainerPlugin>())
                plugin.ConfigureServices(staging, configuration.GetSection($"Plugins:{pluginId}"));
        }

        var added = staging.Except(services).ToList();
        foreach (var descriptor in added) services.Add(descriptor);
        return added;
    }

    /// <summary>The contracts among <paramref name="added"/>, by interface and implementation.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<ServiceDescriptor> added) =>
        added.Where(d => Contracts.Contains(d.ServiceType)).Select(Describe).ToList();

    /// <summary>Whether <paramref name="type"/> is one of the plugin contracts.</summary>
    public static bool IsContract(Type type) => Contracts.Contains(type);

    private static string Describe(ServiceDescriptor d)
    {
        if (d.ImplementationInstance is IBackupStrategy strategy) return $"{d.ServiceType.Name} (engine {strategy.Engine})";
        if (d.ImplementationInstance is ICompressionCodec codec) return $"{d.ServiceType.Name} (codec {codec.Name})";
        var implementation = d.ImplementationType ?? d.ImplementationInstance?.GetType();
        return implementation is null ? d.ServiceType.Name : $"{d.ServiceType.Name} ({implementation.Name})";
    }
}
