using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.TestPlugins;

/// <summary>A plugin that registers something and then throws: nothing of it may remain.</summary>
public sealed class ThrowingPlugin : IBaktainerPlugin
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IBackupStrategy>(_ => throw new InvalidOperationException("never resolved"));
        throw new InvalidOperationException("test plugin failed on purpose while registering");
    }
}
