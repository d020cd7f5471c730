using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.TestPlugins;

/// <summary>
/// Registers the test engine named after the assembly ("Baktainer.TestPlugin.JsonOld" registers
/// "json-old"): the same source, built twice against two versions of Newtonsoft.Json.
/// </summary>
public sealed class JsonPlugin : IBaktainerPlugin
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IBackupStrategy>(new JsonVersionStrategy(EngineName()));

    private static string EngineName() =>
        "json-" + typeof(JsonPlugin).Assembly.GetName().Name!["Baktainer.TestPlugin.Json".Length..].ToLowerInvariant();
}
