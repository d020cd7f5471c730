using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Example.Baktainer.Storage;

/// <summary>The plugin's entry point, found by the host: registers storage type <c>examplestore</c>.</summary>
public sealed class StoragePlugin : IBaktainerPlugin
{
    /// <inheritdoc />
    /// <remarks>
    /// <paramref name="configuration"/> is this plugin's section (<c>Plugins:&lt;plugin id&gt;</c>). Each
    /// storage entry's own settings come to <see cref="FolderStorageFactory.Create"/> from its <c>Storage</c> entry.
    /// </remarks>
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddFolderStorage();
}
