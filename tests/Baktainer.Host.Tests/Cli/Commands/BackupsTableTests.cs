using Baktainer.Abstractions.Storage;
using Baktainer.Host.Cli.Commands;
using Spectre.Console;

namespace Baktainer.Host.Tests.Cli.Commands;

/// <summary>The <c>backups</c> table rendered by Spectre at a wide and a narrow console width.</summary>
public sealed class BackupsTableTests
{
    private const string Id = "orders-database-1763798400-3f9a1c";
    private const string Key = "2026-11-22/orders-database-1763798400.sql.gz.enc";
    private const string BareKey = "2026-11-21/notes-without-manifest.sql.gz";

    private static string Render(int width)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        var manifest = new BackupManifest
        {
            Id = Id, Target = "orders-database", Engine = "postgres", Key = Key, Sha256 = new string('0', 64), Verification = "checksum",
            FinishedUtc = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),
        };
        console.Write(BackupsTable.Build([
            new BackupsTable.Row(["local", "s3"], new StoredBackup(Key, 123_456, manifest.FinishedUtc, manifest)),
            new BackupsTable.Row(["local"], new StoredBackup(BareKey, 99, manifest.FinishedUtc, null)),
        ], width));
        return output.ToString();
    }

    [Test]
    public void Build_WideConsole_IdAndKeyWholeOnOneLine()
    {
        var lines = Render(200).Split('\n');
        var row = lines.Single(l => l.Contains(Id));
        Assert.That(lines.Any(l => l.Contains("│ ID") || l.Contains("| ID")), Is.True, string.Join('\n', lines));
        Assert.That(row, Does.Contain(Key).And.Contain("orders-database").And.Contain("postgres").And.Contain("local, s3").And.Contain("checksum").And.Contain("2026-11-22 08:00:00"));
        Assert.That(lines.Single(l => l.Contains(BareKey + " ")).Split(BareKey).Length - 1, Is.EqualTo(2), "without a manifest, the ID is the storage key (what restore takes)");
    }

    [TestCase(100)]
    [TestCase(80)]
    [TestCase(60)]
    public void Build_NarrowConsole_IdWholeNoNameBrokenAcrossLines(int width)
    {
        var text = Render(width);
        TestContext.Out.WriteLine(text);
        var lines = text.Split('\n');
        Assert.That(lines.Count(l => l.Contains(Id)), Is.EqualTo(1), "the whole ID on one line, copyable:\n" + text);
        Assert.That(lines.Count(l => l.Contains(BareKey)), Is.EqualTo(1), "the ID of a file without a manifest (its key) stays whole too:\n" + text);
        Assert.That(lines.Count(l => l.Contains(".sql.gz")), Is.LessThanOrEqualTo(2), "no key continues on another line:\n" + text);
        Assert.That(lines.Count(l => l.Contains(Key)), Is.EqualTo(lines.Count(l => l.Contains(".sql.gz.enc"))), "a key is shown whole or not at all:\n" + text);
        Assert.That(lines.Max(l => l.TrimEnd().Length), Is.LessThanOrEqualTo(width), "fits the console:\n" + text);
        if (width >= 80) Assert.That(lines.Count(l => l.Contains("│ orders-database ")), Is.EqualTo(1), "the target, whole, while there is room:\n" + text);
    }
}
