using Microsoft.Extensions.Configuration;

namespace Baktainer.Abstractions.Storage;

/// <summary>
/// A storage type that stands in when no <c>Storage</c> entries are configured (the original tool's
/// behaviour: local storage in BT_BACKUP_DIR). The host names the type; the plugin reads the global
/// keys it documents for that case, so the host knows none of the type's keys.
/// </summary>
public interface IDefaultStorageFactory : IStorageTargetFactory
{
    /// <summary>Creates the default storage from the global configuration.</summary>
    /// <param name="name">The entry's name (the type's name).</param>
    /// <param name="global">The whole configuration (file, <c>Baktainer__*</c>, <c>BT_*</c>); errors name the variable that set a key.</param>
    /// <exception cref="BaktainerException">A setting is invalid; the message names the key and its variable.</exception>
    IStorageTarget CreateDefault(string name, IConfiguration global);
}
