using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Example.Baktainer.Engine;

/// <summary>The plugin's entry point, found by the host: registers engine <c>exampledb</c>.</summary>
public sealed class EnginePlugin : IBaktainerPlugin
{
    /// <inheritdoc />
    /// <remarks><paramref name="configuration"/> is this plugin's section (<c>Plugins:&lt;plugin id&gt;</c>); this engine has no settings.</remarks>
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddBaktainerEngine();
}
