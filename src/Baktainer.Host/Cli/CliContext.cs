using System.CommandLine;
using Baktainer.Abstractions;
using Baktainer.Host.Configuration;
using Baktainer.Host.Daemon;

namespace Baktainer.Host.Cli;

/// <summary>What every command handler shares: the console, the environment and the global options.</summary>
internal sealed class CliContext(GlobalOptions globals, CommandConsole console, IReadOnlyDictionary<string, string> environment, string workingDirectory, ShutdownSignals signals)
{
    /// <summary>SIGTERM/SIGINT: commands are cancelled by the first; the daemon stops gracefully.</summary>
    public ShutdownSignals Signals => signals;

    public CommandConsole Console => console;

    public IReadOnlyDictionary<string, string> Environment => environment;

    public string WorkingDirectory => workingDirectory;

    public Invocation Invocation(ParseResult result) => globals.Read(result);

    /// <summary>Opens a session; configuration errors are left for the caller (see <see cref="HostSession.EnsureValid"/>).</summary>
    public HostSession OpenSession(ParseResult result) => HostSession.Open(globals.Read(result), environment, workingDirectory);

    /// <summary>
    /// Sets <paramref name="command"/>'s action, turning expected failures into a one-line message
    /// and the documented exit code: configuration and usage errors 2, other failures 1.
    /// </summary>
    public void SetAction(Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (result, invocationToken) =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(invocationToken, signals.Stopping);
            var cancellationToken = linked.Token;
            try
            {
                return await action(result, cancellationToken);
            }
            catch (ConfigurationException e)
            {
                await console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync("cancelled");
                return ExitCodes.Failed;
            }
            catch (BaktainerException e)
            {
                await console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Failed;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                await console.Error.WriteLineAsync($"error: unexpected {e.GetType().Name}: {e.Message}");
                if (globals.Read(result).Verbose) await console.Error.WriteLineAsync(e.ToString());
                return ExitCodes.Failed;
            }
        });
}
