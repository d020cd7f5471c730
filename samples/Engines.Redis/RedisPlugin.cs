using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Engines.Redis;

/// <summary>The plugin entry point: a one-line shim over <see cref="RedisServiceCollectionExtensions.AddRedisEngine"/>.</summary>
public sealed class RedisPlugin : IBaktainerPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddRedisEngine();
}
