using System.CommandLine;
using Baktainer.Host.Encryption;
using Baktainer.Host.Restore;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer verify [&lt;backup&gt;|--all] [--target NAME]</c>: re-reads stored backups (checksum,
/// decompression, completion marker) and reports each (also to the notifiers); exits 1 if any fails.
/// </summary>
internal sealed class VerifyCommand(BackupLocator locator, BackupVerifier verifier, BackupEncryption encryption, Notifications.BackupEvents events, CommandConsole console)
{
    public static Command Create(CliContext context)
    {
        var backup = new Argument<string?>("backup") { Description = "A manifest id, storage key or backup file path", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Verify every stored backup" };
        var targets = new Option<string[]>("--target", "-t") { Description = "Only this target's backups (repeatable)" };
        var keyFiles = KeyFileOption.Create();
        var command = new Command("verify", "Check stored backups: checksum, decryption, decompression, completion marker") { backup, all, targets, keyFiles };
        context.SetAction<VerifyCommand>(command,
            (self, result, cancellationToken) => self.RunAsync(result.GetValue(backup), result.GetValue(targets) ?? [], result.GetValue(keyFiles) ?? [], cancellationToken),
            usageError: result => result.GetValue(backup) is null && !result.GetValue(all) && (result.GetValue(targets) ?? []).Length == 0
                ? "name a backup, or give --all or --target"
                : null);
        return command;
    }

    private async Task<int> RunAsync(string? reference, string[] wanted, string[] keyFiles, CancellationToken cancellationToken)
    {
        encryption.Keys.Add(KeyFiles.Read(keyFiles));
        var selected = reference is not null
            ? [await locator.FindAsync(reference, wanted.FirstOrDefault(), cancellationToken)]
            : (await locator.AllAsync(cancellationToken)).Where(b => b.BelongsTo(wanted)).ToList();
        var failures = 0;
        foreach (var located in selected)
        {
            var outcome = await verifier.VerifyAsync(located, cancellationToken);
            if (!outcome.Passed) failures++;
            if (located.Backup.Manifest is { } manifest) events.Verified(manifest, outcome.Passed, outcome.Error);
            await console.Out.WriteLineAsync(outcome.Passed
                ? $"OK      {located.Describe} (sha256 {located.Backup.Manifest!.Sha256}, {located.Backup.Manifest.RawSize} bytes of dump)"
                : $"FAILED  {outcome.Error}");
        }
        await console.Out.WriteLineAsync(selected.Count == 0 ? "no backups to verify" : $"{selected.Count - failures} of {selected.Count} backup(s) verified");
        return failures == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
