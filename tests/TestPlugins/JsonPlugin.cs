using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.TestPlugins;

/// <summary>
/// Registers the test engine named after the assembly ("Baktainer.TestPlugin.JsonOld" registers
/// "json-old"): the same source, built twice against two versions of Newtonsoft.Json. Declares
/// one label of its own, <c>baktainer.json-new.indent</c> (or json-old).
/// </summary>
public sealed class JsonPlugin : IBaktainerPlugin
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IBackupStrategy>(new JsonVersionStrategy(EngineName()))
            .AddBaktainerLabels(new LabelDefinition($"baktainer.{EngineName()}.indent", LabelType.Integer, "Spaces to indent the test dump with.", "0", Min: 0, Max: 8));

    private static string EngineName() =>
        "json-" + typeof(JsonPlugin).Assembly.GetName().Name!["Baktainer.TestPlugin.Json".Length..].ToLowerInvariant();
}
