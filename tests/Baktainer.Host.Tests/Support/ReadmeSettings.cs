using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace Baktainer.Host.Tests.Support;

/// <summary>
/// The settings README documents, parsed from its Configuration table so that README and code cannot
/// drift apart: every <c>BT_*</c> variable of the first column (<c>`_X`</c> continues the prefix of the
/// row's first variable, e.g. <c>BT_NOTIFY_SUCCESS</c>, <c>_FAILURES</c>), and the keys of the rows
/// without a variable (<c>—</c>).
/// </summary>
internal static partial class ReadmeSettings
{
    private static readonly Lazy<IReadOnlyList<string[]>> Rows = new(ReadRows);

    public static IReadOnlyList<string> Variables() =>
        Rows.Value.Where(r => r[0] != "—").SelectMany(r => Expand(Tokens(r[0]))).Distinct().ToList();

    /// <summary>The keys a row without a variable starts its second column with (<c>`A`, `B`: what they do</c>).</summary>
    public static IReadOnlyList<string> KeysWithoutVariable() =>
        Rows.Value.Where(r => r[0] == "—").SelectMany(r => LeadingKeys().Match(r[1]).Groups[1].Captures.Select(c => c.Value)).ToList();

    private static IEnumerable<string> Expand(IReadOnlyList<string> tokens)
    {
        var prefix = "";
        foreach (var token in tokens)
        {
            if (token.StartsWith("BT_", StringComparison.Ordinal))
            {
                if (prefix.Length == 0) prefix = token[..(token.LastIndexOf('_') + 1)];
                yield return token;
            }
            else yield return prefix + token[1..];
        }
    }

    private static List<string> Tokens(string cell) => Code().Matches(cell).Select(m => m.Groups[1].Value).ToList();

    private static IReadOnlyList<string[]> ReadRows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        var start = Array.FindIndex(lines, l => l == "## Configuration");
        return lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)
            .Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray()).ToList();
    }

    [GeneratedRegex(@"^(?:`([A-Za-z:]+)`(?:, )?)+")]
    private static partial Regex LeadingKeys();

    [GeneratedRegex(@"`((?:BT_)?[A-Za-z_][A-Za-z0-9_:]*)`")]
    private static partial Regex Code();
}
