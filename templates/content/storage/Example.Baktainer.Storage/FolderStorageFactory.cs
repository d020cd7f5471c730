using Baktainer.Abstractions;
using Baktainer.Abstractions.Configuration;
using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.Configuration;

namespace Example.Baktainer.Storage;

/// <summary>Creates <see cref="FolderStorage"/>s from the <c>Storage</c> entries whose <c>Type</c> is <c>examplestore</c>.</summary>
public sealed class FolderStorageFactory : IStorageTargetFactory
{
    /// <summary>The <c>Type</c> users write in the configuration.</summary>
    public const string TypeName = "examplestore";

    /// <inheritdoc />
    public string Type => TypeName;

    /// <inheritdoc />
    /// <remarks>Settings: <c>Path</c>, the absolute path of the folder backups are kept in.</remarks>
    /// <exception cref="BaktainerException">A setting is missing or invalid; the message names the key.</exception>
    public IStorageTarget Create(string name, IConfiguration settings)
    {
        // The shared reader: keys read here are known to the host, bad values are reported naming the key.
        var section = new SettingsSection(settings, $"{TypeName} storage '{name}'");
        var path = section.Required("Path", "an absolute folder such as /srv/backups") is null ? null : section.AbsolutePath("Path");
        section.ThrowIfInvalid();
        return new FolderStorage(name, path!);
    }
}
