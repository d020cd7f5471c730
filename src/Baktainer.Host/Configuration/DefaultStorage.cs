using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Host.Configuration;

/// <summary>
/// The storage used when no <c>Storage</c> entries are configured: the <c>local</c> type, built by its
/// plugin (<see cref="IDefaultStorageFactory"/>) from the global keys it documents (BT_BACKUP_DIR …).
/// </summary>
internal static class DefaultStorage
{
    public const string Type = "local";

    /// <summary>The default entry: its settings are the whole configuration.</summary>
    public static ComponentEntry Entry(IConfiguration global) => new("Storage:default", Type, Type, global, FromGlobal: true);

    /// <summary>Builds a storage entry with its factory: a configured entry from its section, the default one from the global keys.</summary>
    /// <exception cref="BaktainerException">A setting is invalid, or the type cannot serve as the default storage.</exception>
    public static IStorageTarget Create(IStorageTargetFactory factory, ComponentEntry entry) =>
        !entry.FromGlobal ? factory.Create(entry.Name, entry.Settings)
        : factory is IDefaultStorageFactory global ? global.CreateDefault(entry.Name, entry.Settings)
        : throw new BaktainerException($"the loaded '{entry.Type}' storage plugin cannot serve as the default storage; configure a Storage entry (see 'baktainer plugins list')");
}
