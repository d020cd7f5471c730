using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Docs;

/// <summary>
/// The messages a guide quotes (its ```text blocks, one message a line, variable parts written as
/// <c>&lt;placeholder&gt;</c>) and the product's source they must still come from.
/// </summary>
internal static partial class DocumentedMessages
{
    /// <summary>Every quoted message line of <paramref name="markdown"/>.</summary>
    public static IReadOnlyList<string> Quoted(string markdown) =>
        TextBlock().Matches(markdown).SelectMany(m => m.Groups[1].Value.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>The fixed parts of a message: the text between its placeholders, short joints (": ") left out.</summary>
    public static IReadOnlyList<string> FixedParts(string message) =>
        Placeholder().Split(message).Select(p => p.Trim()).Where(p => p.Length >= 6).ToList();

    /// <summary>
    /// The C# source of the host, the plugins and the samples, with string concatenations joined and
    /// escaped quotes unescaped, so a message's fixed parts can be found in it as printed.
    /// </summary>
    public static string ProductSource()
    {
        var folders = new[] { "src", "plugins", "samples" }.Select(f => Path.Combine(RepoPaths.Root, f)).Where(Directory.Exists);
        var text = string.Join("\n", folders.SelectMany(f => Directory.GetFiles(f, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        return Concatenation().Replace(text, "").Replace("\\\"", "\"", StringComparison.Ordinal);
    }

    [GeneratedRegex("```text\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex TextBlock();

    [GeneratedRegex("<[^<>]+>")]
    private static partial Regex Placeholder();

    /// <summary><c>" +</c> newline <c>$"</c> (or <c>"</c>): a literal continued on the next line.</summary>
    [GeneratedRegex("\"\\s*\\+\\s*\\$?@?\"")]
    private static partial Regex Concatenation();
}
