using System.CommandLine;
using System.Text.Json;
using Baktainer.Host.Restore;
using Baktainer.Host.Targets;

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
            .Select(copies => new BackupsTable.Row(copies.Select(c => c.Storage.Name).ToList(), copies[0].Backup)).ToList();

        if (json)
        {
            var items = rows.Select(r => new { id = BackupsTable.IdOf(r.Backup), storages = r.Storages, key = r.Backup.Key, size = r.Backup.Size, manifest = r.Backup.Manifest,
                verification = BackupsTable.Verification(r.Backup) });
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(items, JsonOutput.Options));
            return ExitCodes.Success;
        }
        var ansi = JsonOutput.Console(console);
        ansi.Write(BackupsTable.Build(rows, ansi.Profile.Width));
        if (rows.Count == 0) await console.Out.WriteLineAsync("no backups stored");
        return ExitCodes.Success;
    }
}
