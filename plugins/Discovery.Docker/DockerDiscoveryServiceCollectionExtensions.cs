using Baktainer.Abstractions.Discovery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Baktainer.Discovery.Docker;

/// <summary>Registers Docker discovery (<c>Type: docker</c>).</summary>
public static class DockerDiscoveryServiceCollectionExtensions
{
    /// <summary>Adds the Docker discovery provider factory. Needs logging and a TimeProvider.</summary>
    public static IServiceCollection AddDockerDiscovery(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDiscoveryProviderFactory, DockerDiscoveryFactory>();
        return services;
    }
}
