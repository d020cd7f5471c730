using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Docs;

/// <summary>
/// The documents a user reaches for (README, SECURITY, CHANGELOG, docs/): every relative link points
/// at a file or folder of the repository, and every <c>#anchor</c> at a heading of its target.
/// </summary>
public sealed partial class DocumentLinksTests
{
    private static IEnumerable<string> Documents() =>
        new[] { "README.md", "SECURITY.md", "CHANGELOG.md" }.Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md")
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f))).Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Documents))]
    public void Links_InDocument_PointAtExistingFilesAndHeadings(string document)
    {
        var path = Path.Combine(RepoPaths.Root, document);
        var links = Link().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value)
            .Where(l => !l.Contains("://", StringComparison.Ordinal) && !l.StartsWith("mailto:", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            foreach (var link in links)
            {
                var (file, anchor) = link.Split('#', 2) is var parts && parts.Length == 2 ? (parts[0], parts[1]) : (link, null);
                var target = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
                Assert.That(File.Exists(target) || Directory.Exists(target), Is.True, $"{document}: link '{link}' points at nothing");
                if (anchor is not null && File.Exists(target))
                    Assert.That(Anchors(File.ReadAllText(target)), Does.Contain(anchor), $"{document}: link '{link}' names no heading of {file}");
            }
        });
    }

    [Test]
    public void Anchors_Heading_SluggedAsGitHubDoes()
    {
        Assert.That(Anchors("## Secrets: where they come from, where they never go\n### The `BT_*` variables\n"),
            Is.EquivalentTo(new[] { "secrets-where-they-come-from-where-they-never-go", "the-bt_-variables" }));
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation other than '-' and '_' dropped, spaces to '-'.</summary>
    private static IEnumerable<string> Anchors(string markdown) =>
        Heading().Matches(markdown).Select(m => Punctuation().Replace(m.Groups[1].Value.Trim().ToLowerInvariant(), "").Replace(' ', '-'));

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{Nd} _-]")]
    private static partial Regex Punctuation();
}
