using System.CommandLine;
using Baktainer.Abstractions;
using Baktainer.Host.Configuration;
using Baktainer.Host.Daemon;
using Baktainer.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Host.Cli;

/// <summary>What every command handler shares: the console, the environment and the global options.</summary>
internal sealed class CliContext(GlobalOptions globals, CommandConsole console, IReadOnlyDictionary<string, string> environment, string workingDirectory, ShutdownSignals signals)
{
    /// <summary>SIGTERM/SIGINT: commands are cancelled by the first; the daemon stops gracefully.</summary>
    public ShutdownSignals Signals => signals;

    public CommandConsole Console => console;

    public IReadOnlyDictionary<string, string> Environment => environment;

    public string WorkingDirectory => workingDirectory;

    public HostStartOptions StartOptions(ParseResult result) => globals.Read(result);

    /// <summary>
    /// Sets <paramref name="command"/>'s action to build the host, create <typeparamref name="TCommand"/>
    /// with its typed dependencies from it and run <paramref name="run"/>. With
    /// <paramref name="requireValidConfiguration"/>, configuration errors stop the command first;
    /// a message from <paramref name="usageError"/> stops it before the host is built (exit 2).
    /// </summary>
    public void SetAction<TCommand>(Command command, Func<TCommand, ParseResult, CancellationToken, Task<int>> run,
        bool requireValidConfiguration = true, Func<ParseResult, string?>? usageError = null)
        where TCommand : class =>
        SetAction(command, async (result, cancellationToken) =>
        {
            if (usageError?.Invoke(result) is { } usage)
            {
                await console.Error.WriteLineAsync($"error: {usage}");
                return ExitCodes.Usage;
            }
            await using var host = BaktainerHost.Build(globals.Read(result), environment, workingDirectory, AddCliServices);
            if (requireValidConfiguration) host.Services.GetRequiredService<ConfigurationReport>().EnsureValid();
            return await run(ActivatorUtilities.CreateInstance<TCommand>(host.Services), result, cancellationToken);
        });

    private void AddCliServices(IServiceCollection services)
    {
        services.AddSingleton(console);
        services.AddSingleton(signals);
        services.AddSingleton(this);
    }

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
            catch (Exception e) when (e is ConfigurationException or UsageException)
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
