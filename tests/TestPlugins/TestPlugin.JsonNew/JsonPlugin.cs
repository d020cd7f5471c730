using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.TestPlugins;

/// <summary>Registers the test engine "json-new" (Newtonsoft.Json 13.0.3).</summary>
public sealed class JsonPlugin : IBaktainerPlugin
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IBackupStrategy>(new JsonVersionStrategy("json-new"));
}
