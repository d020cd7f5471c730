using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Compression.Zstd;

/// <summary>Plugin entry point of the zstd codec.</summary>
public sealed class ZstdPlugin : IBaktainerPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddZstdCompression(configuration);
}
