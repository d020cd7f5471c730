using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Discovery.Docker;

/// <summary>Plugin entry point: Docker label discovery and the docker exec shell.</summary>
public sealed class DockerDiscoveryPlugin : IBaktainerPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddDockerDiscovery();
}
