using Baktainer.Host.Backup;
using Baktainer.Host.Components;
using Baktainer.Host.Configuration;
using Baktainer.Host.Daemon;
using Baktainer.Host.Targets;
using Baktainer.Host.Plugins;
using Baktainer.Host.Restore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Cli;

/// <summary>
/// Everything a command needs, composed once per invocation: configuration, validated settings,
/// logging, the loaded plugins and the service provider. Configuration errors are collected, not
/// thrown, so <c>validate</c> can list them all; other commands call <see cref="EnsureValid"/>.
/// </summary>
internal sealed class HostSession : IAsyncDisposable
{
    private HostSession(LoadedConfiguration configuration, BaktainerSettings settings, List<string> errors,
        IReadOnlyList<LoadedPlugin> plugins, ServiceProvider services)
    {
        Configuration = configuration;
        Settings = settings;
        Errors = errors;
        Plugins = plugins;
        Services = services;
    }

    public LoadedConfiguration Configuration { get; }
    public BaktainerSettings Settings { get; }
    public IReadOnlyList<string> Errors { get; }
    public IReadOnlyList<LoadedPlugin> Plugins { get; }
    public ServiceProvider Services { get; }
    public ILogger Logger => Services.GetRequiredService<ILoggerFactory>().CreateLogger("baktainer");

    /// <summary>Loads configuration and plugins.</summary>
    /// <exception cref="ConfigurationException">The configuration file is missing or unreadable.</exception>
    public static HostSession Open(Invocation invocation, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var configuration = ConfigurationSources.Build(invocation.ConfigPath, environment, workingDirectory);
        var reader = new SettingsReader(configuration);
        var settings = reader.Read();
        var errors = reader.Errors.ToList();

        var services = new ServiceCollection();
        services.AddLogging(logging => ConfigureLogging(logging, invocation, settings.LogLevel));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConfiguration>(configuration.Root);
        services.AddSingleton(settings);

        using var bootstrapLogging = LoggerFactory.Create(logging => ConfigureLogging(logging, invocation, settings.LogLevel));
        var plugins = new PluginLoader(bootstrapLogging.CreateLogger("baktainer.plugins")).LoadAll(settings.PluginDir, services, configuration.Root);
        services.AddSingleton(new PluginCatalog(plugins));
        services.AddSingleton<ComponentRegistry>();
        services.AddSingleton<TargetCatalog>();
        services.AddSingleton<BackupPipeline>();
        services.AddSingleton<PostBackupVerification>();
        services.AddSingleton<BackupNotifications>();
        services.AddSingleton<TargetWatcher>();
        services.AddSingleton<BackupDaemon>();
        services.AddSingleton<BackupRunner>();
        services.AddSingleton<BackupLocator>();
        services.AddSingleton<BackupVerifier>();
        services.AddSingleton<RestoreService>();
        var provider = services.BuildServiceProvider();
        errors.AddRange(ComponentChecks.Check(settings, provider));
        return new HostSession(configuration, settings, errors, plugins, provider);
    }

    /// <summary>Throws when the configuration has errors, listing all of them.</summary>
    /// <exception cref="ConfigurationException">Any configuration error.</exception>
    public void EnsureValid()
    {
        if (Errors.Count > 0)
            throw new ConfigurationException("invalid configuration:\n  " + string.Join("\n  ", Errors) + "\n(run 'baktainer validate' for a full report)");
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    private static void ConfigureLogging(ILoggingBuilder logging, Invocation invocation, LogLevel configured)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(invocation.Verbose ? LogLevel.Debug : invocation.Quiet ? LogLevel.Warning : configured);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        if (invocation.LogFormat == "json")
            logging.AddJsonConsole(o => { o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });
        else
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ "; });
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
