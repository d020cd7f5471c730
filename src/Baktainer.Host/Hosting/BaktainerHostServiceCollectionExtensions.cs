using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Host.Backup;
using Baktainer.Host.Components;
using Baktainer.Host.Compression;
using Baktainer.Host.Configuration;
using Baktainer.Host.Daemon;
using Baktainer.Host.Encryption;
using Baktainer.Host.Plugins;
using Baktainer.Host.Restore;
using Baktainer.Host.Retention;
using Baktainer.Host.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Hosting;

/// <summary>The composition root: every host service and the loaded plugins, registered in one place.</summary>
internal static class BaktainerHostServiceCollectionExtensions
{
    /// <summary>
    /// Registers logging, the validated settings, the plugins found in the plugin folder (each
    /// registering its own services) and the host's services: discovery, pipeline, daemon, restore.
    /// </summary>
    public static IServiceCollection AddBaktainerHost(this IServiceCollection services, HostStartOptions start,
        LoadedConfiguration configuration, BaktainerSettings settings)
    {
        services.AddLogging(logging => HostLogging.Configure(logging, start, settings.LogLevel));
        services.AddSingleton(start);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConfiguration>(configuration.Root);
        services.AddSingleton(configuration);
        services.AddSingleton(settings);

        using (var bootstrapLogging = LoggerFactory.Create(logging => HostLogging.Configure(logging, start, settings.LogLevel)))
        {
            var plugins = new PluginLoader(bootstrapLogging.CreateLogger("baktainer.plugins"))
                .LoadAll(settings.PluginDir, settings.PluginExtraDir, services, configuration.Tracked);
            services.AddSingleton(new PluginCatalog(plugins));
        }
        services.AddSingleton(provider => new PluginOfferings(provider, services));

        services.AddSingleton(provider => new LabelCatalog(provider.GetServices<IBackupStrategy>(), provider.GetServices<LabelDefinition>()));
        services.AddSingleton<CompressionCodecs>();
        services.AddSingleton<ComponentRegistry>();
        services.AddSingleton<TargetCatalog>();
        services.AddSingleton<TargetNames>();
        services.AddSingleton<BackupEncryption>();
        services.AddBaktainerRetention();
        services.AddSingleton<BackupPipeline>();
        services.AddSingleton<PostBackupVerification>();
        services.AddSingleton<Status.TargetStates>();
        services.AddSingleton<Notifications.NotificationDispatcher>();
        services.AddSingleton<Notifications.BackupEvents>();
        services.AddSingleton<Status.HealthMonitor>();
        services.AddSingleton<Api.ConfigurationView>();
        services.AddSingleton<Api.MetricsWriter>();
        services.AddSingleton<Api.ApiEndpoints>();
        services.AddSingleton<Api.ApiServer>();
        services.AddSingleton<TargetWatcher>();
        services.AddSingleton<RequestedRuns>();
        services.AddSingleton<BackupDaemon>();
        services.AddSingleton<BackupRunner>();
        services.AddSingleton<BackupLocator>();
        services.AddSingleton<BackupVerifier>();
        services.AddSingleton<PreRestoreCheck>();
        services.AddSingleton<RestoreService>();
        return services;
    }
}
