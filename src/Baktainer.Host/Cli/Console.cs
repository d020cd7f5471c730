namespace Baktainer.Host.Cli;

/// <summary>Where commands write: results to <see cref="Out"/>, diagnostics to <see cref="Error"/>.</summary>
/// <param name="IsTerminal">Whether <see cref="Out"/> is a terminal (live displays, colours, the console's width).</param>
/// <param name="ErrorIsTerminal">Whether the process's stderr, where logs go, is a terminal too (then a live display carries them).</param>
internal sealed record CommandConsole(TextWriter Out, TextWriter Error, bool IsTerminal, bool ErrorIsTerminal = false)
{
    public static CommandConsole System() => new(global::System.Console.Out, global::System.Console.Error,
        !global::System.Console.IsOutputRedirected, !global::System.Console.IsErrorRedirected);
}
