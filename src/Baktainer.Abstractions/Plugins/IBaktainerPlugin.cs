using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Abstractions.Plugins;

/// <summary>
/// The entry point of a plugin assembly, found by scanning. Needs a public parameterless
/// constructor. Keep it a one-line shim over a public <c>services.AddXxx(...)</c> extension so the
/// same package also works referenced in-process.
/// </summary>
public interface IBaktainerPlugin
{
    /// <summary>
    /// Registers the plugin's contracts (<c>IBackupStrategy</c>, <c>IStorageTargetFactory</c>,
    /// <c>INotifierFactory</c>, <c>IDiscoveryProviderFactory</c>) and their dependencies.
    /// Called once, at start-up, on one thread. Throwing skips the whole plugin.
    /// </summary>
    /// <param name="services">The host's service collection.</param>
    /// <param name="configuration">The plugin's own section (<c>Plugins:&lt;id&gt;</c>); may be empty.</param>
    void ConfigureServices(IServiceCollection services, IConfiguration configuration);
}
