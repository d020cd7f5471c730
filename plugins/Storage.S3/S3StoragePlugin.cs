using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Storage.S3;

/// <summary>Plugin entry point for S3-compatible storage.</summary>
public sealed class S3StoragePlugin : IBaktainerPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddS3Storage();
}
