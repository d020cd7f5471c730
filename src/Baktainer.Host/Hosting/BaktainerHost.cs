using Baktainer.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Hosting;

/// <summary>
/// One run of the host: configuration read and checked, plugins loaded, services composed by
/// <see cref="BaktainerHostServiceCollectionExtensions.AddBaktainerHost"/>.
/// </summary>
internal sealed class BaktainerHost(ServiceProvider services) : IAsyncDisposable
{
    /// <summary>The composed services.</summary>
    public IServiceProvider Services => services;

    /// <summary>Reads the configuration, loads the plugins and builds the services.</summary>
    /// <param name="start">The configuration file and logging of this run.</param>
    /// <param name="environment">The process environment (<c>Baktainer__*</c>, <c>BT_*</c>).</param>
    /// <param name="workingDirectory">Where relative paths and the default configuration file are found.</param>
    /// <param name="addServices">Extra registrations of the caller (e.g. the console a command writes to).</param>
    /// <exception cref="ConfigurationException">The configuration file is missing or unreadable.</exception>
    public static BaktainerHost Build(HostStartOptions start, IReadOnlyDictionary<string, string> environment, string workingDirectory,
        Action<IServiceCollection>? addServices = null)
    {
        var configuration = ConfigurationSources.Build(start.ConfigPath, environment, workingDirectory);
        var reader = new SettingsReader(configuration);
        var settings = reader.Read();

        var services = new ServiceCollection().AddBaktainerHost(start, configuration, settings);
        addServices?.Invoke(services);
        var errors = new List<string>(reader.Errors);
        errors.AddRange(RetiredVariables.Check(environment));
        services.AddSingleton(provider => new ConfigurationReport(configuration, ErrorList.WithoutRepeats(errors)));
        var provider = services.BuildServiceProvider();
        errors.AddRange(ComponentChecks.Check(settings, provider));
        errors.AddRange(UnknownKeys.Check(configuration, ComponentChecks.WithoutPlugin(settings, provider)));
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("baktainer.config");
        foreach (var warning in reader.Warnings.Concat(UnknownVariables.Check(environment))) logger.LogWarning("{Warning}", warning);
        return new BaktainerHost(provider);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
