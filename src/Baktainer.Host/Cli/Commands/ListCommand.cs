using System.CommandLine;
using System.Text.Json;
using Baktainer.Abstractions.Discovery;
using Baktainer.Host.Configuration;
using Baktainer.Host.Targets;
using Spectre.Console;

namespace Baktainer.Host.Cli.Commands;

/// <summary><c>baktainer list [--json]</c>: every labelled container and whether it can be backed up.</summary>
internal sealed class ListCommand(TargetCatalog catalog, BaktainerSettings settings, CommandConsole console)
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "List labelled containers: name, engine, database, schedule and status") { json };
        context.SetAction<ListCommand>(command, (self, result, cancellationToken) => self.RunAsync(result.GetValue(json), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(bool json, CancellationToken cancellationToken)
    {
        var targets = await catalog.DiscoverAsync(cancellationToken);
        var cron = settings.Cron;
        if (json)
        {
            var rows = targets.Select(t => new
            {
                name = t.Name,
                container = t.Target.DisplayName,
                id = t.Target.Id,
                provider = t.Target.Provider,
                engine = t.Target.Engine,
                database = Database(t),
                schedule = Schedules(t, cron),
                status = DiscoveredTarget.Text(t.Status),
                problems = t.Problems,
            });
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(rows, JsonOutput.Options));
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("Name", "Container", "Engine", "Database", "Schedule", "Status");
        foreach (var t in targets)
            table.AddRow(Markup.Escape(t.Name), Markup.Escape(t.Target.DisplayName), Markup.Escape(t.Target.Engine), Markup.Escape(Database(t)),
                Markup.Escape(string.Join("; ", Schedules(t, cron))), Markup.Escape(DiscoveredTarget.Text(t.Status) + string.Concat(t.Problems.Select(p => "\n" + p))));
        JsonOutput.Console(console).Write(table);
        if (targets.Count == 0) await console.Out.WriteLineAsync("no containers labelled baktainer.backup=true");
        return ExitCodes.Success;
    }

    private static string Database(DiscoveredTarget t) => t.Target.Settings.AllDatabases ? "(all)" : t.Target.Settings.Database ?? "";

    private static IReadOnlyList<string> Schedules(DiscoveredTarget t, string cron) =>
        t.Target.Settings.Schedules.Count > 0 ? t.Target.Settings.Schedules : [cron];
}
