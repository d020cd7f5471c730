using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Notifiers;

/// <summary>Plugin entry point for the bundled notifiers.</summary>
public sealed class NotifiersPlugin : IBaktainerPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddBundledNotifiers();
}
