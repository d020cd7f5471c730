using Baktainer.Abstractions;
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
    public IStorageTarget Create(string name, IConfiguration settings)
    {
        var path = settings["Path"];
        if (string.IsNullOrWhiteSpace(path) || !System.IO.Path.IsPathFullyQualified(path))
            throw new BaktainerException($"{TypeName} storage '{name}': Path must be the absolute path of a folder (got \"{path}\")");
        return new FolderStorage(name, System.IO.Path.GetFullPath(path));
    }
}
