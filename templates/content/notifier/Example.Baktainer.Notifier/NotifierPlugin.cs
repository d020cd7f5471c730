using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Example.Baktainer.Notifier;

/// <summary>The plugin's entry point, found by the host: registers notifier type <c>examplehook</c>.</summary>
public sealed class NotifierPlugin : IBaktainerPlugin
{
    /// <inheritdoc />
    /// <remarks>
    /// <paramref name="configuration"/> is this plugin's section (<c>Plugins:&lt;plugin id&gt;</c>). Each
    /// notifier's own settings come to <see cref="HttpNotifierFactory.Create"/> from its <c>Notifiers</c> entry.
    /// </remarks>
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddHttpNotifier();
}
