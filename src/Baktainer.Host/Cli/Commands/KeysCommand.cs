using System.CommandLine;
using Baktainer.Host.Encryption;
using Baktainer.Host.Restore;
using Spectre.Console;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer keys [--target NAME]... [--key-file FILE]...</c>: which key each stored encrypted
/// backup needs and whether it is available; exits 1 when any backup's key is missing.
/// Shows key ids only, never key material.
/// </summary>
internal sealed class KeysCommand(BackupLocator locator, BackupEncryption encryption, CommandConsole console)
{
    public static Command Create(CliContext context)
    {
        var targets = new Option<string[]>("--target", "-t") { Description = "Only this target's backups (repeatable)" };
        var keyFiles = KeyFileOption.Create();
        var command = new Command("keys", "Which encryption key each stored backup needs, and whether it is available") { targets, keyFiles };
        context.SetAction<KeysCommand>(command, (self, result, cancellationToken) =>
            self.RunAsync(result.GetValue(targets) ?? [], result.GetValue(keyFiles) ?? [], cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string[] wanted, string[] keyFiles, CancellationToken cancellationToken)
    {
        encryption.Keys.Add(KeyFiles.Read(keyFiles));
        await console.Out.WriteLineAsync("encrypting new backups to: " + (encryption.Configured ? string.Join(", ", encryption.KeyIds) : "(no key configured)"));
        await console.Out.WriteLineAsync("keys that open backups: " + (encryption.Keys.Identities.Count == 0 ? "(none)" : string.Join(", ", encryption.Keys.Identities.Select(i => $"{i.KeyId} ({i.Source})"))));
        var table = new Table().AddColumns("Target", "Key", "Needs key", "Available");
        var missing = 0;
        foreach (var located in (await locator.AllAsync(cancellationToken)).Where(b => b.BelongsTo(wanted)))
        {
            var manifest = located.Backup.Manifest;
            var ids = manifest?.EncryptionKeyId?.Split(',') ?? [];
            var available = ids.Length == 0 || ids.Any(encryption.Keys.Has);
            if (!available) missing++;
            table.AddRow(Markup.Escape(manifest?.Target ?? "?"), Markup.Escape(located.Describe),
                ids.Length == 0 ? "(not encrypted)" : Markup.Escape(string.Join(" or ", ids)), ids.Length == 0 ? "-" : available ? "yes" : "NO");
        }
        JsonOutput.Console(console).Write(table);
        if (missing > 0) await console.Out.WriteLineAsync($"{missing} backup(s) need a key that is not available");
        return missing == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
