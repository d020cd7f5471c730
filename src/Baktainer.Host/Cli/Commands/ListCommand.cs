using System.CommandLine;
using System.Text.Json;
using Baktainer.Abstractions.Discovery;
using Baktainer.Host.Targets;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Baktainer.Host.Cli.Commands;

/// <summary><c>baktainer list [--json]</c>: every labelled container and whether it can be backed up.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "List labelled containers: name, engine, database, schedule and status") { json };
        context.SetAction(command, async (result, cancellationToken) =>
        {
            await using var session = context.OpenSession(result);
            session.EnsureValid();
            var targets = await session.Services.GetRequiredService<TargetCatalog>().DiscoverAsync(cancellationToken);
            var cron = session.Settings.Cron;
            if (result.GetValue(json))
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
                    status = StatusText(t.Status),
                    problems = t.Problems,
                });
                await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(rows, JsonOutput.Options));
                return ExitCodes.Success;
            }
            var table = new Table().AddColumns("Name", "Container", "Engine", "Database", "Schedule", "Status");
            foreach (var t in targets)
                table.AddRow(Markup.Escape(t.Name), Markup.Escape(t.Target.DisplayName), Markup.Escape(t.Target.Engine), Markup.Escape(Database(t)),
                    Markup.Escape(string.Join("; ", Schedules(t, cron))), Markup.Escape(StatusText(t.Status) + string.Concat(t.Problems.Select(p => "\n" + p))));
            JsonOutput.Console(context.Console).Write(table);
            if (targets.Count == 0) await context.Console.Out.WriteLineAsync("no containers labelled baktainer.backup=true");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Database(DiscoveredTarget t) => t.Target.Settings.AllDatabases ? "(all)" : t.Target.Settings.Database ?? "";

    private static IReadOnlyList<string> Schedules(DiscoveredTarget t, string cron) =>
        t.Target.Settings.Schedules.Count > 0 ? t.Target.Settings.Schedules : [cron];

    private static string StatusText(TargetStatus status) => status switch
    {
        TargetStatus.Ready => "ready",
        TargetStatus.InvalidLabels => "invalid labels",
        _ => "not running",
    };
}
