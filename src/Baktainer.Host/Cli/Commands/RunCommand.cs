using System.CommandLine;
using Baktainer.Host.Daemon;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer run</c>: the daemon. Runs until SIGTERM/SIGINT, then lets running backups finish
/// within BT_SHUTDOWN_GRACE and exits 0; a second signal aborts them at once.
/// </summary>
internal sealed class RunCommand(BackupDaemon daemon, ShutdownSignals signals)
{
    public static Command Create(CliContext context)
    {
        var command = new Command("run", "Run as a daemon: discover targets and back them up on their cron schedules");
        context.SetAction<RunCommand>(command, (self, _, _) => self.RunAsync());
        return command;
    }

    private async Task<int> RunAsync()
    {
        await daemon.RunAsync(signals.Stopping, signals.Aborting, signals.AbortAfter);
        return ExitCodes.Success;
    }
}
