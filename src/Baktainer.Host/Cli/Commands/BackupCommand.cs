using System.CommandLine;
using Baktainer.Abstractions.Engines;
using Baktainer.Host.Backup;
using Baktainer.Abstractions;
using Baktainer.Host.Components;
using Baktainer.Host.Compression;
using Baktainer.Host.Targets;
using Baktainer.Host.Configuration;
using Spectre.Console;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer backup [--target NAME]... [--dry-run] [--at TIME] [--daemon]</c>: backs up every ready
/// target (or the named ones) now, or at <c>--at</c>, in this process or handed to the running daemon;
/// exits 0 only if every backup succeeded.
/// </summary>
internal sealed class BackupCommand(TargetCatalog catalog, BackupRunner runner, ComponentRegistry components,
    TimeProvider time, BaktainerSettings settings, CompressionCodecs codecs, CommandConsole console, Hosting.LiveLogOutput logs)
{
    public static Command Create(CliContext context)
    {
        var targets = new Option<string[]>("--target", "-t") { Description = "Back up only this target (backup name or container name; repeatable)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be backed up where, with the exact commands (secrets masked), touching nothing" };
        var at = new Option<string?>("--at") { Description = "Wait until this time (ISO 8601, or HH:mm in BT_TIMEZONE), then back up" };
        var daemon = new Option<bool>("--daemon") { Description = "Hand the backups to the running daemon (its API on BT_HEALTH_PORT, token BT_API_TOKEN) and wait for their results" };
        var daemonUrl = new Option<string?>("--daemon-url") { Description = "The running daemon's address, e.g. http://backup-host:8080 (implies --daemon)" };
        var command = new Command("backup", "Back up every ready target now (or the named ones)") { targets, dryRun, at, daemon, daemonUrl };
        context.SetAction<BackupCommand>(command, (self, result, cancellationToken) => self.RunAsync(result.GetValue(targets) ?? [],
            result.GetValue(dryRun), result.GetValue(at), context.StartOptions(result).Quiet,
            result.GetValue(daemon) || result.GetValue(daemonUrl) is not null, result.GetValue(daemonUrl), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string[] names, bool dryRun, string? at, bool quiet, bool daemon, string? daemonUrl, CancellationToken cancellationToken)
    {
        if (daemon && dryRun) throw new UsageException("--dry-run shows what this process would do; it cannot be combined with --daemon");
        if (daemonUrl is not null && !(Uri.TryCreate(daemonUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw new UsageException($"--daemon-url \"{daemonUrl}\" is not an http(s) URL such as http://127.0.0.1:8080");
        if (at is not null && !await WaitUntilAsync(at, cancellationToken)) return ExitCodes.Usage;
        if (daemon) return await new DaemonHandoff(settings, console, time).RunAsync(names, daemonUrl, cancellationToken);
        var discovered = await catalog.DiscoverAsync(cancellationToken);
        var (selected, unknown) = Select(discovered, names);
        if (unknown.Count > 0) throw new UsageException(TargetNames.Unknown(unknown, discovered));
        if (names.Length == 0 && !quiet)
            foreach (var skipped in discovered.Where(d => !d.IsReady))
                await console.Error.WriteLineAsync($"warning: {skipped.Name} ({skipped.Target.DisplayName}) is not backed up: {skipped.NotReadyReason}");
        if (dryRun)
            return await new BackupDryRun(components, time, settings, codecs, console).RunAsync(selected, cancellationToken) ? ExitCodes.Success : ExitCodes.Failed;
        if (selected.Count == 0)
        {
            await console.Out.WriteLineAsync("nothing to back up: no ready container labelled baktainer.backup=true");
            return ExitCodes.Success;
        }
        var outcomes = await BackUpAsync(selected, quiet, cancellationToken);
        PrintSummary(outcomes);
        return outcomes.All(o => o.Succeeded) ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>Waits for <c>--at</c>; false (after saying why) when the time cannot be read.</summary>
    private async Task<bool> WaitUntilAsync(string when, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.Timezone);
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
            await console.Error.WriteLineAsync($"error: --at \"{when}\" is not a time; use ISO 8601 (2026-11-23T03:00:00Z) or HH:mm in {zone.Id}");
            return false;
        }
        if (target > now)
        {
            await console.Out.WriteLineAsync($"waiting until {target.UtcDateTime:u} to back up");
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

    private Task<IReadOnlyList<BackupOutcome>> BackUpAsync(IReadOnlyList<DiscoveredTarget> selected, bool quiet, CancellationToken cancellationToken) =>
        LiveProgress.RunAsync(console, JsonOutput.Console(console), logs, quiet, progress => runner.RunAsync(selected, progress, cancellationToken));

    /// <summary>
    /// A table of short cells, then one line per target with what a user copies or reads in full
    /// (the stored key, or why it failed): in a table cell they would wrap mid-name.
    /// </summary>
    private void PrintSummary(IReadOnlyList<BackupOutcome> outcomes)
    {
        var table = new Table();
        foreach (var header in new[] { "Target", "Engine", "Size", "Duration", "Result" }) table.AddColumn(new TableColumn(header).NoWrap());
        foreach (var o in outcomes)
            table.AddRow(new Text(o.Target), new Text(o.Engine), new Text(o.Manifest is null ? "-" : Sizes.Format(o.Manifest.StoredSize)),
                new Text($"{o.Duration.TotalSeconds:0.0} s"), new Text(!o.Succeeded ? "FAILED" : o.Manifest!.Verification == "none" ? "ok" : $"ok (verified: {o.Manifest.Verification})"));
        JsonOutput.Console(console).Write(table);
        foreach (var o in outcomes) // plain lines: the terminal folds them without breaking what is copied
            console.Out.WriteLine($"{o.Target}: {(o.Succeeded ? $"ok {o.Manifest!.Key}" : "FAILED: " + o.Error)}");
    }
}
