using System.CommandLine;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// The product's commands whose bodies are not built yet. Each has its real options, says plainly
/// that it is not available in this version, and exits 2: nothing pretends to work.
/// </summary>
internal static class NotAvailableCommands
{
    public static Command Run(CliContext context) =>
        Stub(context, new Command("run", "Run as a daemon: discover targets and back them up on their cron schedules"));

    public static Command Restore(CliContext context) => Stub(context, new Command("restore", "Restore a backup into a target")
    {
        new Argument<string>("backup") { Description = "A manifest id, a path, or 'latest'" },
        new Option<string>("--target", "-t") { Description = "The target to restore into", Required = true },
        new Option<string?>("--database") { Description = "The database to restore into" },
        new Option<bool>("--yes") { Description = "Overwrite existing data without asking" },
    });

    public static Command Verify(CliContext context) => Stub(context, new Command("verify", "Check stored backups: checksum, decompression, completion marker")
    {
        new Argument<string?>("backup") { Description = "A manifest id or path", Arity = ArgumentArity.ZeroOrOne },
        new Option<bool>("--all") { Description = "Verify every stored backup" },
        new Option<string[]>("--target", "-t") { Description = "Only this target's backups" },
    });

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
