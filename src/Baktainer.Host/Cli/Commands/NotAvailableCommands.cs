using System.CommandLine;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// The product's commands whose bodies are not built yet. Each has its real options, says plainly
/// that it is not available in this version, and exits 2: nothing pretends to work.
/// </summary>
internal static class NotAvailableCommands
{
    public static Command Prune(CliContext context) => Stub(context, new Command("prune", "Apply the retention policy now")
    {
        new Option<bool>("--dry-run") { Description = "Show what would be deleted" },
    });

    private static Command Stub(CliContext context, Command command)
    {
        context.SetAction(command, async (_, _) =>
        {
            await context.Console.Error.WriteLineAsync($"error: 'baktainer {command.Name}' is not available in this version yet; nothing was done.");
            return ExitCodes.Usage;
        });
        return command;
    }
}
