using System.Text.RegularExpressions;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Backup;
using Baktainer.Host.Cli;
using Baktainer.Host.Hosting;
using Baktainer.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Baktainer.Host.Tests.Cli;

/// <summary>
/// The backup progress display driven through Spectre's real live renderer on a recording
/// console (ANSI and interactive, as on a terminal), with the host's real logging composition.
/// </summary>
[NonParallelizable]
public sealed class LiveProgressTests
{
    private const string LogMessage = "disk nearly full under /backups: 93 % used";
    private static readonly Regex Escapes = new(@"\x1b\[[0-9;?]*[A-Za-z]");

    private StringWriter _display = null!;
    private IAnsiConsole _ansi = null!;
    private StringWriter _stderr = null!;
    private TextWriter _realError = null!;
    private ServiceProvider _services = null!;
    private ILogger _logger = null!;

    [SetUp]
    public void Compose()
    {
        _display = new StringWriter();
        _ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_display), Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes,
        });
        _ansi.Profile.Width = 120;
        // The console logger takes stderr when it is built: give it one the test can read.
        _realError = Console.Error;
        _stderr = new StringWriter();
        Console.SetError(TextWriter.Synchronized(_stderr));
        _services = new ServiceCollection()
            .AddLogging(l => HostLogging.Configure(l, new HostStartOptions(null, false, false, "text"), LogLevel.Information)).BuildServiceProvider();
        _logger = _services.GetRequiredService<ILoggerFactory>().CreateLogger("baktainer.test");
    }

    [TearDown]
    public void Restore()
    {
        _services.Dispose();
        Console.SetError(_realError);
    }

    private LiveLogOutput Logs => _services.GetRequiredService<LiveLogOutput>();

    private string Shown => _display.ToString();

    private static BackupOutcome Done(string target) => new(target, "sqlite",
        new BackupManifest { Id = target + "-1", Target = target, Engine = "sqlite", Key = target + ".db.gz", Sha256 = "", StoredSize = 10 }, null, TimeSpan.FromSeconds(1));

    private Task<int> Run(CommandConsole console, Func<IBackupProgress?, Task> body, bool quiet = false) =>
        LiveProgress.RunAsync(console, _ansi, Logs, quiet, async progress => { await body(progress); return 0; });

    private static CommandConsole Terminal(TextWriter? output = null) => new(output ?? TextWriter.Null, TextWriter.Null, IsTerminal: true, ErrorIsTerminal: true);

    [Test]
    public async Task RunAsync_LogDuringDisplay_LineAppearsOnceWholeOnItsOwnLineNotOnStderr()
    {
        await Run(Terminal(), async progress =>
        {
            progress!.Started("alpha");
            progress.Advanced("alpha", 3 << 20);
            await Eventually.HoldsAsync(() => Shown.Contains("3.0 MB"), TimeSpan.FromSeconds(10), "the bar to be drawn");
            _logger.LogWarning(LogMessage);
            progress.Advanced("alpha", 5 << 20);
            await Eventually.HoldsAsync(() => Shown.Contains("5.0 MB"), TimeSpan.FromSeconds(10), "the bar to be redrawn after the log line");
            progress.Finished(Done("alpha"));
        });

        var shown = Shown;
        Assert.That(Regex.Matches(shown, Regex.Escape(LogMessage)).Count, Is.EqualTo(1), "written once, not redrawn with the bars:\n" + shown);
        var lines = Escapes.Replace(shown, "\n").Split('\n', '\r');
        var line = lines.Single(l => l.Contains(LogMessage));
        Assert.That(line.Length, Is.EqualTo(_ansi.Profile.Width), "padded to the whole row, so no part of the bar it replaces stays visible");
        line = line.TrimEnd();
        Assert.That(line, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ warn: baktainer\.test\[0\] " + Regex.Escape(LogMessage) + "$"),
            "the whole log line, alone on its line (no bar drawn into it):\n" + shown);
        _services.Dispose();
        Assert.That(_stderr.ToString(), Does.Not.Contain(LogMessage), "not also written to stderr under the display");
    }

    [Test]
    public async Task RunAsync_LogLineWiderThanTheConsole_WrittenUnbrokenForTheTerminalToWrap()
    {
        var key = "2026-11-22/" + new string('k', 150) + "-1763798400.sqlite.gz";
        await Run(Terminal(), async progress =>
        {
            progress!.Started("alpha");
            await Eventually.HoldsAsync(() => Shown.Contains("alpha"), TimeSpan.FromSeconds(10), "the bar to be drawn");
            _logger.LogInformation("Pruned local:{Key} of alpha", key);
            progress.Finished(Done("alpha"));
        });
        Assert.That(Shown, Does.Contain($"Pruned local:{key} of alpha"), "no line break inserted into the key:\n" + Shown);
    }

    [Test]
    public async Task RunAsync_UnknownSize_ShowsBytesRateElapsedNeverAPercentage()
    {
        await Run(Terminal(), async progress =>
        {
            progress!.Started("alpha");
            progress.Advanced("alpha", 12 << 20);
            await Eventually.HoldsAsync(() => Regex.IsMatch(Shown, @"12\.0 MB  [\d.]+ [KMG]?B/s"), TimeSpan.FromSeconds(10), "bytes and rate");
            progress.Finished(Done("alpha"));
        });

        var shown = Shown;
        Assert.That(shown, Does.Match(@"00:00:0\d"), "elapsed time");
        Assert.That(shown, Does.Not.Contain("%"), "a dump of unknown size has no percentage, before or after it ends:\n" + shown);
        Assert.That(shown, Does.Contain("alpha  done"));
    }

    [Test]
    public async Task RunAsync_KnownSize_PercentageMovesBeforeCompletion()
    {
        await Run(Terminal(), async progress =>
        {
            progress!.Started("beta", 100L << 20);
            progress.Advanced("beta", 25L << 20);
            await Eventually.HoldsAsync(() => Shown.Contains("25.0 MB / 100.0 MB  25 %"), TimeSpan.FromSeconds(10), "25 %");
            progress.Advanced("beta", 60L << 20);
            await Eventually.HoldsAsync(() => Shown.Contains("60.0 MB / 100.0 MB  60 %"), TimeSpan.FromSeconds(10), "60 % before the backup finished");
            Assert.That(Shown, Does.Not.Contain("100 %"), "not complete yet");
            progress.Finished(Done("beta"));
        });
        Assert.That(Shown, Does.Contain("beta  done"));
    }

    [Test]
    public async Task RunAsync_OutputRedirected_NoLiveDisplayPlainLinesAndLogsOnStderr()
    {
        var output = new StringWriter();
        await Run(new CommandConsole(output, TextWriter.Null, IsTerminal: false, ErrorIsTerminal: false), progress =>
        {
            Assert.That(progress, Is.InstanceOf<PlainProgress>());
            progress!.Started("alpha");
            progress.Advanced("alpha", 3 << 20);
            _logger.LogWarning(LogMessage);
            progress.Finished(Done("alpha"));
            return Task.CompletedTask;
        });
        _services.Dispose(); // flushes the console logger's queue

        Assert.That(Shown, Is.Empty, "nothing drawn");
        Assert.That(output.ToString(), Does.Contain("started alpha").And.Contain("finished alpha"));
        Assert.That(output.ToString().Contains('\u001b'), Is.False, "no escape sequences");
        Assert.That(Regex.Matches(_stderr.ToString(), Regex.Escape(LogMessage)).Count, Is.EqualTo(1), _stderr.ToString());
        Assert.That(_stderr.ToString().Contains('\u001b'), Is.False, "plain log lines:\n" + _stderr);
    }

    [Test]
    public async Task RunAsync_StderrNotATerminal_LogsStayOnStderr()
    {
        await Run(Terminal() with { ErrorIsTerminal = false }, async progress =>
        {
            progress!.Started("alpha");
            _logger.LogWarning(LogMessage);
            await Eventually.HoldsAsync(() => Shown.Contains("alpha"), TimeSpan.FromSeconds(10), "the display");
            progress.Finished(Done("alpha"));
        });
        _services.Dispose();
        Assert.That(Shown, Does.Not.Contain(LogMessage));
        Assert.That(_stderr.ToString(), Does.Contain(LogMessage));
    }
}
