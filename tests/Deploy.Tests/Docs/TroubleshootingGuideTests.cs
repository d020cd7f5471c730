using Baktainer.Tests.Shared;

namespace Deploy.Tests.Docs;

/// <summary>
/// docs/troubleshooting.md quotes the messages Baktainer prints; each must still exist in the code
/// (a reworded or removed message fails here until the guide follows), and the guide covers the
/// failures users meet most.
/// </summary>
public sealed class TroubleshootingGuideTests
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "troubleshooting.md"));
    private static readonly Lazy<string> Source = new(DocumentedMessages.ProductSource);

    private static IEnumerable<string> Messages() => DocumentedMessages.Quoted(Guide);

    [TestCaseSource(nameof(Messages))]
    public void Message_QuotedInGuide_StillPrintedByTheCode(string message)
    {
        var parts = DocumentedMessages.FixedParts(message);

        Assert.That(parts, Is.Not.Empty, "a quoted message needs some fixed text");
        Assert.That(parts.Where(p => !Source.Value.Contains(p, StringComparison.Ordinal)), Is.Empty,
            $"parts of \"{message}\" that no longer occur in src/, plugins/ or samples/");
    }

    [Test]
    public void Guide_CommonFailures_EachHasASection()
    {
        var headings = Guide.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal))
            .Select(l => l.ToLowerInvariant()).ToList();

        Assert.Multiple(() =>
        {
            foreach (var topic in new[] { "password", "database", "stopped", "socket", "disk full", "read-only", "s3", "key", "debug" })
                Assert.That(headings, Has.Some.Contain(topic), $"a section about '{topic}'");
        });
        Assert.That(Messages().Count(), Is.GreaterThanOrEqualTo(10));
    }

    [Test]
    public void FixedParts_MessageNeverPrinted_NotFoundInSource()
    {
        // The check itself can fail: a message the code never printed is caught.
        var parts = DocumentedMessages.FixedParts("<container>: the dump tool ran away with the <n> spoons");

        Assert.That(parts.Where(p => !Source.Value.Contains(p, StringComparison.Ordinal)), Is.Not.Empty);
    }
}
