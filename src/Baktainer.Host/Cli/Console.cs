namespace Baktainer.Host.Cli;

/// <summary>Where commands write: results to <see cref="Out"/>, diagnostics to <see cref="Error"/>.</summary>
internal sealed record CommandConsole(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    public static CommandConsole System() => new(global::System.Console.Out, global::System.Console.Error, !global::System.Console.IsOutputRedirected);
}
