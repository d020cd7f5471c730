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

    /// <summary>Reads an entry (<c>Path</c>, <c>MinFreeSpaceGb</c>, <c>FileMode</c>) with the shared settings reader; errors name each key.</summary>
    /// <exception cref="BaktainerException">Missing or relative path, a bad number or a bad mode (all of them listed).</exception>
    public static LocalStorageOptions From(string name, IConfiguration section) =>
        Read(new SettingsSection(section, $"local storage '{name}'"), "Path", required: true);

    /// <summary>
    /// Reads the default storage (no <c>Storage</c> entries) from the global keys: <c>BackupDir</c>
    /// (BT_BACKUP_DIR, default <c>/backups</c>), <c>MinFreeSpaceGb</c> (BT_MIN_FREE_SPACE_GB) and
    /// <c>FileMode</c> (BT_FILE_MODE); errors name the variable.
    /// </summary>
    /// <exception cref="BaktainerException">A relative folder, a bad number or a bad mode (all of them listed).</exception>
    public static LocalStorageOptions FromGlobal(IConfiguration global) => Read(new SettingsSection(global), "BackupDir", required: false);

    private static LocalStorageOptions Read(SettingsSection s, string pathKey, bool required)
    {
        const string folder = "an absolute folder such as /backups";
        var text = required ? s.Required(pathKey, folder) : s.Text(pathKey) ?? DefaultFolder;
        if (text is not null && !System.IO.Path.IsPathFullyQualified(text))
        {
            s.Invalid(pathKey, text, folder);
            text = null;
        }
        var minFree = s.Number("MinFreeSpaceGb", 0, 1_000_000) ?? 0;
        var mode = s.Parse<UnixFileMode>("FileMode", FileModes.TryParse,
            "an octal mode with read/write bits only and owner read+write, such as 0600 or 0640") ?? FileModes.DefaultFile;
        s.ThrowIfInvalid();
        return new LocalStorageOptions(System.IO.Path.GetFullPath(text!), minFree, mode);
    }

    private const string DefaultFolder = "/backups";
}
