using System.Diagnostics;
using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Cli;

/// <summary>
/// <c>baktainer backup</c> on a real terminal: the executable runs under <c>script</c>, which gives
/// it a pseudo-terminal for stdout and stderr and records every byte it draws.
/// </summary>
[Category("Docker")]
public sealed class TerminalProgressTests : EndToEndTest
{
    [Test]
    public async Task Backup_OnATerminalWithALogLineDuringTheDisplay_LineOnceWholeBytesNoPercentageKeyUnbroken()
    {
        var db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("tty"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "create table t(x); insert into t values (1), (2);");
        Assert.That((await Baktainer("backup", "--target", db.Name)).Code, Is.EqualTo(0));

        // Retention keeps one: pruning the first backup logs "Pruned local:..." while the display is shown.
        var typescript = Path.Combine(Backups.Path, "..", Path.GetFileName(Backups.Path) + ".typescript");
        var info = new ProcessStartInfo("script") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var (key, value) in Backups.Environment(("BT_RETENTION_COUNT", "1"), ("TERM", "xterm-256color"))) info.Environment[key] = value;
        foreach (var arg in new[] { "-q", "-e", "-c", $"'{RepoPaths.HostExecutable}' backup --target {db.Name}", typescript }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await ProcessWait.ExitAsync(process, "script baktainer backup");
        await drained;
        var shown = await File.ReadAllTextAsync(typescript);
        File.Delete(typescript);
        await TestContext.Out.WriteLineAsync(shown.Replace("\u001b", "^["));

        Assert.That(process.ExitCode, Is.EqualTo(0), shown);
        Assert.That(shown, Does.Contain("\u001b["), "a live display was drawn (escape sequences)");
        Assert.That(Regex.Matches(shown, "Pruned local:").Count, Is.EqualTo(1), "the log line once, not redrawn:\n" + shown);
        Assert.That(shown, Does.Match(@"info: \S+\[0\] Pruned local:\S+ of " + Regex.Escape(db.Name) + @" \("), "the log line whole, nothing drawn into it:\n" + shown);
        Assert.That(shown, Does.Match(@"\u001b\[\d+A\d{4}-\d\d-\d\dT[^\n]*Pruned local:"),
            "written by the display where its bars were (cursor moved up first), which then draws them again below it:\n" + shown);
        Assert.That(shown, Does.Match(db.Name + @"  done.*\d+(\.\d)? [KM]?B"), "bytes dumped on the finished bar");
        Assert.That(shown, Does.Not.Contain("%"), "a dump of unknown size shows no percentage:\n" + shown);
        Assert.That(shown, Does.Match($@"{Regex.Escape(db.Name)}: ok \d{{4}}-\d\d-\d\d/{Regex.Escape(db.Name)}-\d+\.\S+\r?\n"),
            "the stored key on one line after the summary table, not wrapped inside a cell:\n" + shown);
    }
}
