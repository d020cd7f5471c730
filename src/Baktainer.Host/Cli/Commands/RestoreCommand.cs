using System.CommandLine;
using Baktainer.Host.Configuration;
using Baktainer.Host.Encryption;
using Baktainer.Host.Restore;
using Baktainer.Host.Targets;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer restore &lt;backup&gt; --target NAME [--database DB] [--yes] [--storage NAME]</c>: verifies the backup,
/// then loads it into the target with the engine's own restore tool.
/// </summary>
internal sealed class RestoreCommand(TargetCatalog catalog, RestoreService restorer, BackupEncryption encryption, CommandConsole console)
{
    public static Command Create(CliContext context)
    {
        var backup = new Argument<string>("backup") { Description = "A manifest id, storage key, backup file path, or 'latest'" };
        var target = new Option<string>("--target", "-t") { Description = "The container to restore into (backup name or container name)", Required = true };
        var database = new Option<string?>("--database") { Description = "The database to restore into (default: the target's baktainer.db.name)" };
        var yes = new Option<bool>("--yes") { Description = "Overwrite existing data without asking" };
        var keyFiles = KeyFileOption.Create();
        var storage = new Option<string?>("--storage") { Description = "Read the copy in this storage (default: the first copy that passes verification)" };
        var command = new Command("restore", "Restore a backup into a target") { backup, target, database, yes, keyFiles, storage };
        context.SetAction<RestoreCommand>(command, (self, result, cancellationToken) =>
            self.RunAsync(result.GetValue(backup)!, result.GetValue(target)!, result.GetValue(database), result.GetValue(yes), result.GetValue(keyFiles) ?? [], result.GetValue(storage), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string backup, string name, string? database, bool yes, string[] keyFiles, string? storage, CancellationToken cancellationToken)
    {
        encryption.Keys.Add(KeyFiles.Read(keyFiles));
        var discovered = await catalog.DiscoverAsync(cancellationToken);
        var match = discovered.FirstOrDefault(d => d.IsNamed(name));
        if (match is null) throw new UsageException(TargetNames.Unknown([name], discovered));
        try
        {
            var restored = await restorer.RestoreAsync(match, backup, database, yes, cancellationToken, storage);
            var into = database ?? (restored.Backup.Manifest?.Database == "*" ? "every database in the dump" : match.Target.Settings.Database);
            await console.Out.WriteLineAsync($"restored {restored.Describe} into {into} in container {match.Target.DisplayName}");
            return ExitCodes.Success;
        }
        catch (RestoreNeedsConfirmationException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
