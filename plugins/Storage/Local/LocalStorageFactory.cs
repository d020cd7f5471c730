using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Baktainer.Storage.Local;

/// <summary>Creates local storage for <c>Type: local</c> entries (and the default storage) and cleans up a crashed run's temporaries.</summary>
internal sealed class LocalStorageFactory(ILoggerFactory loggers) : IDefaultStorageFactory
{
    public string Type => "local";

    public IStorageTarget Create(string name, IConfiguration settings) => Open(name, LocalStorageOptions.From(name, settings));

    public IStorageTarget CreateDefault(string name, IConfiguration global) => Open(name, LocalStorageOptions.FromGlobal(global));

    private LocalStorageTarget Open(string name, LocalStorageOptions options)
    {
        var target = new LocalStorageTarget(name, options);
        var removed = target.CleanTemporaries();
        if (removed > 0)
            loggers.CreateLogger("baktainer.storage").LogWarning("Removed {Count} partial file(s) left in {Folder} by an interrupted backup", removed, target.Root);
        return target;
    }
}
