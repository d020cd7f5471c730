using System.Globalization;
using Baktainer.Abstractions;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Storage.Local;

/// <summary>
/// A local storage entry: <c>Path</c> (BT_BACKUP_DIR by default), <c>MinFreeSpaceGb</c>, and
/// <c>FileMode</c> (BT_FILE_MODE, octal, default 0600) for backups and manifests.
/// </summary>
public sealed record LocalStorageOptions(string Path, double MinFreeSpaceGb = 0, UnixFileMode FileMode = FileModes.DefaultFile)
{
    /// <summary>The mode of the folders local storage creates.</summary>
    public UnixFileMode FolderMode => FileModes.FolderFor(FileMode);

    /// <summary>Reads an entry; errors name the key.</summary>
    /// <exception cref="BaktainerException">Missing or relative path, a bad number or a bad mode.</exception>
    public static LocalStorageOptions From(string name, IConfiguration section)
    {
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path) || !System.IO.Path.IsPathFullyQualified(path))
            throw new BaktainerException($"local storage '{name}': Path must be an absolute folder (got \"{path}\")");
        var free = section["MinFreeSpaceGb"];
        double minFree = 0;
        if (!string.IsNullOrWhiteSpace(free) && (!double.TryParse(free, NumberStyles.Float, CultureInfo.InvariantCulture, out minFree) || minFree < 0))
            throw new BaktainerException($"local storage '{name}': MinFreeSpaceGb has invalid value \"{free}\"; expected a number of GB, 0 or more");
        var modeText = section["FileMode"];
        var mode = FileModes.DefaultFile;
        if (!string.IsNullOrWhiteSpace(modeText) && !FileModes.TryParse(modeText, out mode))
            throw new BaktainerException($"local storage '{name}': FileMode (BT_FILE_MODE) has invalid value \"{modeText}\"; expected an octal mode with read/write bits only and owner read+write, such as 0600 or 0640");
        return new LocalStorageOptions(System.IO.Path.GetFullPath(path), minFree, mode);
    }
}
