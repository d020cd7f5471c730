using System.Text.RegularExpressions;

namespace Baktainer.Abstractions.Storage;

/// <summary>
/// The numbered variants of a storage key for backups of one name started in the same second:
/// <c>2026-11-22/db-1763800000.sql.gz</c> with 2 gives <c>2026-11-22/db-1763800000-2.sql.gz</c>
/// (the number goes after the seconds, before the extensions).
/// </summary>
public static partial class BackupKeySuffix
{
    /// <summary>The most variants tried before a backup is refused.</summary>
    public const int MaxAttempts = 1000;

    /// <summary>The key itself for 1, else the key with <c>-<paramref name="number"/></c> after the seconds.</summary>
    public static string Add(string key, int number)
    {
        if (number <= 1) return key;
        var slash = key.LastIndexOf('/') + 1;
        var file = key[slash..];
        var match = SecondsThenExtension().Match(file);
        var at = match.Success ? match.Groups["stem"].Length : (file.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? dot : file.Length);
        return key[..slash] + file[..at] + "-" + number + file[at..];
    }

    [GeneratedRegex(@"^(?<stem>.*-\d+)(?<ext>\.[^-]*)?$")]
    private static partial Regex SecondsThenExtension();
}
