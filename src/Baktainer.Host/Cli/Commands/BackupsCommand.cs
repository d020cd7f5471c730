using System.CommandLine;
using System.Text.Json;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Backup;
using Baktainer.Host.Restore;
using Baktainer.Host.Targets;
using Spectre.Console;

namespace Baktainer.Host.Cli.Commands;

/// <summary><c>baktainer backups [--target NAME] [--json]</c>: stored backups, read from their manifests, each once with the storages holding a copy.</summary>
internal sealed class BackupsCommand(BackupLocator locator, TargetNames names, CommandConsole console)
{
    public static Command Create(CliContext context)
    {
        var targets = new Option<string[]>("--target", "-t") { Description = "Only this target's backups: backup name or container name (repeatable)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("backups", "List stored backups from their manifests") { targets, json };
        context.SetAction<BackupsCommand>(command, (self, result, cancellationToken) =>
            self.RunAsync(result.GetValue(targets) ?? [], result.GetValue(json), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string[] wanted, bool json, CancellationToken cancellationToken)
    {
        var stored = await locator.AllAsync(cancellationToken);
        var resolved = await names.ResolveStoredAsync(wanted, stored, cancellationToken);
        var rows = BackupLocator.Group(stored.Where(b => b.BelongsTo(resolved)))
            .Select(copies => (Storages: copies.Select(c => c.Storage.Name).ToList(), copies[0].Backup)).ToList();

        if (json)
        {
            var items = rows.Select(r => new { storages = r.Storages, key = r.Backup.Key, size = r.Backup.Size, manifest = r.Backup.Manifest, verification = Verification(r.Backup) });
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(items, JsonOutput.Options));
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("Target", "Engine", "Finished (UTC)", "Size", "Verified", "Storage", "Key");
        foreach (var (storages, b) in rows)
            table.AddRow(Markup.Escape(b.Manifest?.Target ?? "?"), Markup.Escape(b.Manifest?.Engine ?? "?"),
                (b.Manifest?.FinishedUtc ?? b.LastModifiedUtc).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), Sizes.Format(b.Size),
                Markup.Escape(Verification(b)), Markup.Escape(Holders(storages, b.Manifest)), Markup.Escape(b.Key));
        JsonOutput.Console(console).Write(table);
        if (rows.Count == 0) await console.Out.WriteLineAsync("no backups stored");
        return ExitCodes.Success;
    }

    /// <summary>The storages holding the backup, and those its manifest says are missing a copy.</summary>
    private static string Holders(IReadOnlyList<string> storages, BackupManifest? manifest) =>
        string.Join(", ", storages) + (manifest?.MissingCopies is { Count: > 0 } missing ? $" (missing: {string.Join(", ", missing.Keys)})" : "");

    private static string Verification(StoredBackup backup) =>
        backup.Manifest is { Legacy: true } ? "legacy (original tool)" : backup.Manifest?.Verification ?? "no manifest";
}
