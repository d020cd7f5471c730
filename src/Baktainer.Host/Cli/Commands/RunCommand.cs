using System.CommandLine;
using Baktainer.Host.Daemon;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer run</c>: the daemon. Runs until SIGTERM/SIGINT, then lets running backups finish
/// within BT_SHUTDOWN_GRACE and exits 0; a second signal aborts them at once.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("run", "Run as a daemon: discover targets and back them up on their cron schedules");
        context.SetAction(command, async (result, _) =>
        {
            await using var session = context.OpenSession(result);
            session.EnsureValid();
            var signals = context.Signals;
            await session.Services.GetRequiredService<BackupDaemon>().RunAsync(signals.Stopping, signals.Aborting, signals.AbortAfter);
            return ExitCodes.Success;
        });
        return command;
    }
}
