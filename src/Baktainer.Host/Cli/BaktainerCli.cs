using System.CommandLine;
using Baktainer.Host.Cli.Commands;
using Baktainer.Host.Daemon;

namespace Baktainer.Host.Cli;

/// <summary>The command tree of <c>baktainer</c> and its entry point.</summary>
internal static class BaktainerCli
{
    public static RootCommand Build(CliContext context, GlobalOptions globals)
    {
        var root = new RootCommand("Baktainer: backs up databases running in containers, found by their baktainer.* labels.");
        globals.AddTo(root);
        root.Add(RunCommand.Create(context));
        root.Add(BackupCommand.Create(context));
        root.Add(ListCommand.Create(context));
        root.Add(BackupsCommand.Create(context));
        root.Add(RestoreCommand.Create(context));
        root.Add(VerifyCommand.Create(context));
        root.Add(KeysCommand.Create(context));
        root.Add(PruneCommand.Create(context));
        root.Add(ValidateCommand.Create(context));
        root.Add(LabelsCommand.Create(context));
        root.Add(PluginsCommand.Create(context));
        root.Add(HealthCommand.Create(context));
        return root;
    }

    /// <summary>Parses and runs one command line; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CommandConsole console, IReadOnlyDictionary<string, string> environment,
        string workingDirectory, CancellationToken cancellationToken = default)
    {
        var globals = new GlobalOptions();
        using var signals = new ShutdownSignals();
        var root = Build(new CliContext(globals, console, environment, workingDirectory, signals), globals);
        // A bare 'baktainer' (global options at most) shows the help, as --help does.
        var result = root.Parse(args.Any(a => !a.StartsWith('-')) || args.Contains("--help") || args.Contains("-h") || args.Contains("--version") ? args : [.. args, "--help"]);
        if (result.Errors.Count > 0)
        {
            if (CommandSuggestion.For(result, args) is { } hint) await console.Error.WriteLineAsync($"error: {hint}");
            else foreach (var error in result.Errors) await console.Error.WriteLineAsync($"error: {error.Message}");
            await console.Error.WriteLineAsync("(see 'baktainer --help')");
            return ExitCodes.Usage;
        }
        // Signals are handled by ShutdownSignals (graceful for the daemon), not by System.CommandLine.
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = null };
        return await result.InvokeAsync(configuration, cancellationToken);
    }
}
