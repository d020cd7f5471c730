using System.CommandLine;
using Baktainer.Host.Configuration;
using Baktainer.Host.Encryption;
using Baktainer.Host.Targets;
using Baktainer.Host.Restore;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer verify [&lt;backup&gt;|--all] [--target NAME]</c>: re-reads stored backups (checksum,
/// decompression, completion marker), every copy of each in every storage, and reports each (also to the notifiers); exits 1 if any fails.
/// </summary>
internal sealed class VerifyCommand(BackupLocator locator, BackupVerifier verifier, BackupEncryption encryption, TargetNames targetNames,
    Notifications.BackupEvents events, CommandConsole console)
{
    public static Command Create(CliContext context)
    {
        var backup = new Argument<string?>("backup") { Description = "A manifest id, storage key or backup file path", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Verify every stored backup" };
        var targets = new Option<string[]>("--target", "-t") { Description = "Only this target's backups: backup name or container name (repeatable)" };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Exit 0 when there is nothing to verify (otherwise exit 1: nothing verified is not a pass)" };
        var keyFiles = KeyFileOption.Create();
        var command = new Command("verify", "Check stored backups: checksum, decryption, decompression, completion marker") { backup, all, targets, allowEmpty, keyFiles };
        context.SetAction<VerifyCommand>(command,
            (self, result, cancellationToken) => self.RunAsync(result.GetValue(backup), result.GetValue(targets) ?? [], result.GetValue(allowEmpty), result.GetValue(keyFiles) ?? [], cancellationToken),
            usageError: result => result.GetValue(backup) is null && !result.GetValue(all) && (result.GetValue(targets) ?? []).Length == 0
                ? "name a backup, or give --all or --target"
                : null);
        return command;
    }

    private async Task<int> RunAsync(string? reference, string[] names, bool allowEmpty, string[] keyFiles, CancellationToken cancellationToken)
    {
        encryption.Keys.Add(KeyFiles.Read(keyFiles));
        var stored = await locator.AllAsync(cancellationToken);
        var wanted = await targetNames.ResolveStoredAsync(names, stored, cancellationToken);
        if (reference is not null && reference.Equals("latest", StringComparison.OrdinalIgnoreCase) && wanted.Count != 1)
            throw new UsageException(wanted.Count == 0 ? "'latest' needs --target to say whose latest backup" : "'latest' needs exactly one --target");
        var selected = reference is not null
            ? await locator.FindCopiesAsync(reference, wanted.FirstOrDefault(), null, cancellationToken)
            : stored.Where(b => b.BelongsTo(wanted)).ToList();
        var failures = 0;
        foreach (var located in selected)
        {
            var outcome = await verifier.TryVerifyAsync(located, cancellationToken);
            if (!outcome.Passed) failures++;
            if (located.Backup.Manifest is { } manifest) events.Verified(manifest, outcome.Passed, outcome.Error);
            await console.Out.WriteLineAsync(outcome.Passed
                ? $"OK      {located.Describe} (sha256 {located.Backup.Manifest!.Sha256}, {located.Backup.Manifest.RawSize} bytes of dump)"
                : $"FAILED  {outcome.Error}");
        }
        if (selected.Count == 0)
        {
            await console.Out.WriteLineAsync(allowEmpty ? "no backups to verify" : "no backups to verify: nothing was checked (use --allow-empty if that is expected)");
            return allowEmpty ? ExitCodes.Success : ExitCodes.Failed;
        }
        await console.Out.WriteLineAsync($"{selected.Count - failures} of {selected.Count} backup(s) verified");
        return failures == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
