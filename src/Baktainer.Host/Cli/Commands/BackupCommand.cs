using System.CommandLine;
using Baktainer.Abstractions.Engines;
using Baktainer.Host.Backup;
using Baktainer.Host.Components;
using Baktainer.Host.Targets;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer backup [--target NAME]... [--dry-run]</c>: backs up every ready target (or the
/// named ones) now; exits 0 only if every backup succeeded.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(CliContext context)
    {
        var targets = new Option<string[]>("--target", "-t") { Description = "Back up only this target (backup name or container name; repeatable)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be backed up where, with the exact commands (secrets masked), touching nothing" };
        var at = new Option<string?>("--at") { Description = "Wait until this time (ISO 8601, or HH:mm in BT_TIMEZONE), then back up" };
        var command = new Command("backup", "Back up every ready target now (or the named ones)") { targets, dryRun, at };
        context.SetAction(command, async (result, cancellationToken) =>
        {
            await using var session = context.OpenSession(result);
            session.EnsureValid();
            if (result.GetValue(at) is { } when && !await WaitUntilAsync(context, session, when, cancellationToken)) return ExitCodes.Usage;
            var catalog = session.Services.GetRequiredService<TargetCatalog>();
            var discovered = await catalog.DiscoverAsync(cancellationToken);
            var (selected, unknown) = Select(discovered, result.GetValue(targets) ?? []);
            if (unknown.Count > 0)
            {
                await context.Console.Error.WriteLineAsync($"error: {DiscoveredTarget.UnknownNames(unknown, discovered)}");
                return ExitCodes.Failed;
            }
            if (result.GetValue(dryRun))
            {
                await DryRunAsync(context, session, selected);
                return ExitCodes.Success;
            }
            if (selected.Count == 0)
            {
                await context.Console.Out.WriteLineAsync("nothing to back up: no ready container labelled baktainer.backup=true");
                return ExitCodes.Success;
            }
            var outcomes = await RunAsync(context, session, selected, session.Services.GetRequiredService<BackupRunner>(), context.Invocation(result).Quiet, cancellationToken);
            PrintSummary(context, outcomes);
            return outcomes.All(o => o.Succeeded) ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>Waits for <c>--at</c>; false (after saying why) when the time cannot be read.</summary>
    private static async Task<bool> WaitUntilAsync(CliContext context, HostSession session, string when, CancellationToken cancellationToken)
    {
        var time = session.Services.GetRequiredService<TimeProvider>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(session.Settings.Timezone);
        var now = time.GetUtcNow();
        DateTimeOffset target;
        if (TimeOnly.TryParseExact(when, ["HH:mm", "HH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var clock))
        {
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var today = new DateTimeOffset(local.Date + clock.ToTimeSpan(), zone.GetUtcOffset(local.Date + clock.ToTimeSpan()));
            target = today > now ? today : today.AddDays(1);
        }
        else if (!DateTimeOffset.TryParse(when, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out target))
        {
            await context.Console.Error.WriteLineAsync($"error: --at \"{when}\" is not a time; use ISO 8601 (2026-11-23T03:00:00Z) or HH:mm in {zone.Id}");
            return false;
        }
        if (target > now)
        {
            await context.Console.Out.WriteLineAsync($"waiting until {target.UtcDateTime:u} to back up");
            await Task.Delay(target - now, time, cancellationToken);
        }
        return true;
    }

    /// <summary>Without names: every target that is ready (others were reported by discovery). With names: exactly those, ready or not.</summary>
    private static (IReadOnlyList<DiscoveredTarget> Selected, IReadOnlyList<string> Unknown) Select(IReadOnlyList<DiscoveredTarget> discovered, string[] names)
    {
        if (names.Length == 0) return (discovered.Where(d => d.IsReady).ToList(), []);
        return (discovered.Where(d => names.Any(d.IsNamed)).ToList(), names.Where(n => !discovered.Any(d => d.IsNamed(n))).ToList());
    }

    private static async Task<IReadOnlyList<BackupOutcome>> RunAsync(CliContext context, HostSession session, IReadOnlyList<DiscoveredTarget> selected, BackupRunner runner, bool quiet, CancellationToken cancellationToken)
    {
        if (!context.Console.IsTerminal || quiet)
            return await runner.RunAsync(selected, quiet ? null : new PlainProgress(context.Console.Out), cancellationToken);
        IReadOnlyList<BackupOutcome> outcomes = [];
        await JsonOutput.Console(context.Console).Progress().AutoClear(false)
            .StartAsync(async progress => outcomes = await runner.RunAsync(selected, new TerminalProgress(progress), cancellationToken));
        return outcomes;
    }

    private static async Task DryRunAsync(CliContext context, HostSession session, IReadOnlyList<DiscoveredTarget> selected)
    {
        var output = context.Console.Out;
        var storage = session.Services.GetRequiredService<ComponentRegistry>().Storage;
        var now = session.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (selected.Count == 0) await output.WriteLineAsync("nothing would be backed up: no ready container labelled baktainer.backup=true");
        foreach (var target in selected)
        {
            if (!target.IsReady || target.Strategy is null)
            {
                await output.WriteLineAsync($"{target.Name}: would FAIL: {string.Join("; ", target.Problems)}");
                continue;
            }
            var compress = target.Target.Settings.Compress ?? session.Settings.Compress;
            var key = BackupKey.For(target.Name, now, target.Strategy.FileExtension, compress);
            await output.WriteLineAsync($"{target.Name} ({target.Target.Engine}, container {target.Target.DisplayName})");
            var commands = target.Strategy is IBackupPlanDescriber describer ? describer.DescribeBackup(target.Target) : [];
            foreach (var request in commands) await output.WriteLineAsync($"  run in container: {request.ToDisplayString()}");
            await output.WriteLineAsync($"  compress: {(compress ? $"gzip ({session.Settings.CompressionLevel})" : "none")}");
            foreach (var s in storage.Where(s => target.Target.Settings.Storage.Count == 0 || target.Target.Settings.Storage.Contains(s.Name, StringComparer.OrdinalIgnoreCase)))
                await output.WriteLineAsync($"  write to: {s.Name}:{key} (+ {key}.json)");
        }
        await output.WriteLineAsync("dry run: nothing was run or written");
    }

    private static void PrintSummary(CliContext context, IReadOnlyList<BackupOutcome> outcomes)
    {
        var table = new Table().AddColumns("Target", "Engine", "Size", "Duration", "Result");
        foreach (var o in outcomes)
            table.AddRow(Markup.Escape(o.Target), Markup.Escape(o.Engine), o.Manifest is null ? "-" : Sizes.Format(o.Manifest.StoredSize),
                $"{o.Duration.TotalSeconds:0.0} s", Markup.Escape(o.Succeeded ? $"ok {o.Manifest!.Key}{(o.Manifest.Verification == "none" ? "" : $" (verified: {o.Manifest.Verification})")}" : "FAILED: " + o.Error));
        JsonOutput.Console(context.Console).Write(table);
    }
}
