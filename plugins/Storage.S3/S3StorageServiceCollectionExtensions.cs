using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Baktainer.Storage.S3;

/// <summary>Registers S3-compatible storage.</summary>
public static class S3StorageServiceCollectionExtensions
{
    /// <summary>Adds S3 storage (<c>Type: s3</c>). Needs logging.</summary>
    public static IServiceCollection AddS3Storage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services.AddSingleton<IStorageTargetFactory, S3StorageFactory>();
    }
}
