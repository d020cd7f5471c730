using System.CommandLine;
using System.Text.Json;
using Baktainer.Abstractions;
using Baktainer.Host.Backup;
using Baktainer.Host.Retention;
using Baktainer.Host.Targets;
using Spectre.Console;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer prune [--target NAME]... [--dry-run] [--json]</c>: applies retention now and prints
/// every stored file with keep/delete and the rule that decided. Labels come from the running
/// containers; without them (Docker unreachable) nothing is deleted, since a label may keep more.
/// </summary>
internal sealed class PruneCommand(TargetCatalog catalog, PruneService prune, TargetPruner pruner, RetentionPolicies policies, CommandConsole console)
{
    public static Command Create(CliContext context)
    {
        var targets = new Option<string[]>("--target", "-t") { Description = "Only this target's backups (backup name; repeatable)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be deleted; delete nothing" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("prune", "Apply the retention policy now") { targets, dryRun, json };
        context.SetAction<PruneCommand>(command, (self, result, cancellationToken) =>
            self.RunAsync(result.GetValue(targets) ?? [], result.GetValue(dryRun), result.GetValue(json), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string[] targets, bool dryRun, bool json, CancellationToken cancellationToken)
    {
        IReadOnlyList<DiscoveredTarget> discovered;
        try
        {
            discovered = await catalog.DiscoverAsync(cancellationToken);
        }
        catch (BaktainerException e)
        {
            await console.Error.WriteLineAsync($"error: cannot read the containers' retention labels ({e.Message}); nothing was deleted");
            return ExitCodes.Failed;
        }
        var labels = discovered.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Target.Settings, StringComparer.OrdinalIgnoreCase);
        var report = await prune.PruneAsync(targets, labels, dryRun, cancellationToken);
        if (!dryRun) pruner.Announce(report, []);

        if (json)
        {
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(new { dryRun, policy = policies.Global.ToString(), report.Rows, report.Warnings }, JsonOutput.Options));
            return ExitCodes.Success;
        }
        await console.Out.WriteLineAsync($"global {policies.Describe()}{(dryRun ? " — dry run: nothing is deleted" : "")}");
        var table = new Table().AddColumns("Target", "Taken (UTC)", "Size", "Action", "Why", "Storage", "Key");
        foreach (var r in report.Rows)
            table.AddRow(Markup.Escape(r.Target ?? "(foreign)"), r.TimeUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), Sizes.Format(r.Size),
                r.Action, Markup.Escape(r.Reason), Markup.Escape(r.Storage), Markup.Escape(r.Key));
        JsonOutput.Console(console).Write(table);
        foreach (var warning in report.Warnings) await console.Out.WriteLineAsync("warning: " + warning);
        var deleted = report.Rows.Count(r => r.Deleted);
        await console.Out.WriteLineAsync($"{deleted} backup(s) {(dryRun ? "would be deleted" : "deleted")}, {report.Rows.Count(r => r.Action == "keep")} kept, {report.Rows.Count(r => r.Action == "foreign")} foreign file(s) left alone");
        return ExitCodes.Success;
    }
}
