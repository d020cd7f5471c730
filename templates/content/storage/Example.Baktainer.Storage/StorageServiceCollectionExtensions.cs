using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Example.Baktainer.Storage;

/// <summary>Registers the storage factory; usable in-process (tests) as well as by <see cref="StoragePlugin"/>.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds storage type <c>examplestore</c> as an <see cref="IStorageTargetFactory"/> singleton.</summary>
    public static IServiceCollection AddFolderStorage(this IServiceCollection services) =>
        services.AddSingleton<IStorageTargetFactory, FolderStorageFactory>();
}
