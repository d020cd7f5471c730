using Baktainer.Abstractions;
using Baktainer.Abstractions.Configuration;
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

    /// <summary>Reads an entry with the shared settings reader; errors name each key.</summary>
    /// <exception cref="BaktainerException">Missing or relative path, a bad number or a bad mode (all of them listed).</exception>
    public static LocalStorageOptions From(string name, IConfiguration section)
    {
        var s = new SettingsSection(section, $"local storage '{name}'");
        const string folder = "an absolute folder such as /backups";
        var path = s.Required("Path", folder) is { } text && !System.IO.Path.IsPathFullyQualified(text) ? Invalid(s, text) : s.Text("Path");
        var minFree = s.Number("MinFreeSpaceGb", 0, 1_000_000) ?? 0;
        var mode = s.Parse<UnixFileMode>("FileMode", FileModes.TryParse,
            "an octal mode with read/write bits only and owner read+write, such as 0600 or 0640 (BT_FILE_MODE for the default storage)") ?? FileModes.DefaultFile;
        s.ThrowIfInvalid();
        return new LocalStorageOptions(System.IO.Path.GetFullPath(path!), minFree, mode);

        static string? Invalid(SettingsSection s, string value)
        {
            s.Invalid("Path", value, folder);
            return null;
        }
    }
}
