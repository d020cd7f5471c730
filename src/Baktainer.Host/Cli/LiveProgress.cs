using Baktainer.Host.Backup;
using Baktainer.Host.Hosting;
using Spectre.Console;

namespace Baktainer.Host.Cli;

/// <summary>
/// Chooses how a command shows backup progress: a live display on a terminal (log lines then go
/// through it, above the bars, when stderr is the same terminal), plain lines when output is
/// redirected, nothing with <c>-q</c>.
/// </summary>
internal static class LiveProgress
{
    /// <param name="display">The Spectre console for <paramref name="console"/>'s output.</param>
    public static async Task<T> RunAsync<T>(CommandConsole console, IAnsiConsole display, LiveLogOutput logs, bool quiet, Func<IBackupProgress?, Task<T>> run)
    {
        if (quiet) return await run(null).ConfigureAwait(false);
        if (!console.IsTerminal) return await run(new PlainProgress(console.Out)).ConfigureAwait(false);
        using var attached = console.ErrorIsTerminal ? logs.Attach(display) : null;
        T result = default!;
        await TerminalProgress.Display(display).StartAsync(async context => result = await run(new TerminalProgress(context)).ConfigureAwait(false)).ConfigureAwait(false);
        return result;
    }
}
