using Baktainer.Abstractions.Storage;
using Baktainer.Storage.Local;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Storage;

/// <summary>Registers the bundled storage targets.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds local folder storage (<c>Type: local</c>). Needs logging.</summary>
    public static IServiceCollection AddLocalStorage(this IServiceCollection services) =>
        services.AddSingleton<IStorageTargetFactory, LocalStorageFactory>();
}
