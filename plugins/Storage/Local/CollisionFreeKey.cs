using System.Text.RegularExpressions;

namespace Baktainer.Storage.Local;

/// <summary>
/// Keeps the original naming (<c>&lt;name&gt;-&lt;unix seconds&gt;&lt;ext&gt;</c>) and adds <c>-2</c>, <c>-3</c>, ...
/// after the seconds only when a backup of that name, or one being written under it, already
/// exists: two backups of one target in the same second both succeed.
/// </summary>
internal static partial class CollisionFreeKey
{
    private const int MaxAttempts = 1000;

    /// <param name="key">The key the host asked for.</param>
    /// <param name="resolve">Maps a key to its file path.</param>
    /// <returns>The first free key and its path.</returns>
    public static (string Key, string Path) Find(string key, Func<string, string> resolve)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var candidate = attempt == 1 ? key : WithSuffix(key, attempt);
            var path = resolve(candidate);
            if (!File.Exists(path) && !BeingWritten(path)) return (candidate, path);
        }
        throw new Abstractions.BaktainerException($"more than {MaxAttempts} backups named '{key}' in one second; not writing another");
    }

    /// <summary><c>2026-11-22/db-1763800000.sql.gz</c> with 2 gives <c>2026-11-22/db-1763800000-2.sql.gz</c>.</summary>
    public static string WithSuffix(string key, int number)
    {
        var slash = key.LastIndexOf('/') + 1;
        var file = key[slash..];
        var match = SecondsThenExtension().Match(file);
        var at = match.Success ? match.Groups["stem"].Length : (file.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? dot : file.Length);
        return key[..slash] + file[..at] + "-" + number + file[at..];
    }

    private static bool BeingWritten(string path) =>
        Directory.Exists(Path.GetDirectoryName(path)) &&
        Directory.EnumerateFiles(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.*{PartialFile.Suffix}").Any();

    [GeneratedRegex(@"^(?<stem>.*-\d+)(?<ext>\.[^-]*)?$")]
    private static partial Regex SecondsThenExtension();
}
