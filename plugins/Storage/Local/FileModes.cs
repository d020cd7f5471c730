namespace Baktainer.Storage.Local;

/// <summary>
/// Permissions of what local storage writes. Backups hold whole databases, so files default to
/// 0600 and the folders Baktainer creates to 0700; <c>FileMode</c> (BT_FILE_MODE) may loosen that,
/// and folders then get the matching execute bits (0640 gives 0750).
/// </summary>
public static class FileModes
{
    /// <summary>Owner read and write only.</summary>
    public const UnixFileMode DefaultFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Parses an octal mode such as <c>600</c>, <c>0640</c>; only read/write bits are allowed.</summary>
    public static bool TryParse(string text, out UnixFileMode mode)
    {
        mode = default;
        var digits = text.Trim();
        if (digits.Length is < 3 or > 4 || !digits.All(c => c is >= '0' and <= '7')) return false;
        var bits = Convert.ToInt32(digits, 8);
        const int readWrite = 0b110_110_110;
        if ((bits & ~readWrite) != 0 || (bits & 0b110_000_000) != 0b110_000_000) return false; // owner must keep read+write
        mode = (UnixFileMode)bits;
        return true;
    }

    /// <summary>The folder mode matching a file mode: execute (search) wherever read is allowed.</summary>
    public static UnixFileMode FolderFor(UnixFileMode file)
    {
        var folder = file;
        if (file.HasFlag(UnixFileMode.UserRead)) folder |= UnixFileMode.UserExecute;
        if (file.HasFlag(UnixFileMode.GroupRead)) folder |= UnixFileMode.GroupExecute;
        if (file.HasFlag(UnixFileMode.OtherRead)) folder |= UnixFileMode.OtherExecute;
        return folder;
    }

    /// <summary>Octal text, e.g. <c>0600</c>.</summary>
    public static string Format(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);
}
