using System.Globalization;
using Baktainer.Abstractions;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Storage.Local;

/// <summary>A local storage entry: <c>Path</c> (BT_BACKUP_DIR by default) and <c>MinFreeSpaceGb</c>.</summary>
public sealed record LocalStorageOptions(string Path, double MinFreeSpaceGb = 0)
{
    /// <summary>Reads an entry; errors name the key.</summary>
    /// <exception cref="BaktainerException">Missing or relative path, or a bad number.</exception>
    public static LocalStorageOptions From(string name, IConfiguration section)
    {
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path) || !System.IO.Path.IsPathFullyQualified(path))
            throw new BaktainerException($"local storage '{name}': Path must be an absolute folder (got \"{path}\")");
        var free = section["MinFreeSpaceGb"];
        double minFree = 0;
        if (!string.IsNullOrWhiteSpace(free) && (!double.TryParse(free, NumberStyles.Float, CultureInfo.InvariantCulture, out minFree) || minFree < 0))
            throw new BaktainerException($"local storage '{name}': MinFreeSpaceGb has invalid value \"{free}\"; expected a number of GB, 0 or more");
        return new LocalStorageOptions(System.IO.Path.GetFullPath(path), minFree);
    }
}
