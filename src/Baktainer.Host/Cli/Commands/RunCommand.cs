using System.CommandLine;
using Baktainer.Host.Api;
using Baktainer.Host.Daemon;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer run</c>: the daemon. Runs until SIGTERM/SIGINT, then lets running backups finish
/// within BT_SHUTDOWN_GRACE and exits 0; a second signal aborts them at once. Serves the HTTP API meanwhile.
/// </summary>
internal sealed class RunCommand(BackupDaemon daemon, ApiServer api, ShutdownSignals signals)
{
    public static Command Create(CliContext context)
    {
        var command = new Command("run", "Run as a daemon: discover targets and back them up on their cron schedules");
        context.SetAction<RunCommand>(command, (self, _, _) => self.RunAsync());
        return command;
    }

    private async Task<int> RunAsync()
    {
        await api.StartAsync(signals.Stopping);
        try
        {
            await daemon.RunAsync(signals.Stopping, signals.Aborting, signals.AbortAfter);
        }
        finally
        {
            await api.DisposeAsync();
        }
        return ExitCodes.Success;
    }
}
