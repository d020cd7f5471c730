using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Example.Baktainer.Cat;

/// <summary>Registers the <c>cat</c> engine: a text file inside the container, backed up with cat.</summary>
public sealed class CatPlugin : IBaktainerPlugin
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IBackupStrategy, CatBackupStrategy>();
}
