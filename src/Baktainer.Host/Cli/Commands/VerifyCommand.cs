using System.CommandLine;
using Baktainer.Host.Restore;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer verify [&lt;backup&gt;|--all] [--target NAME]</c>: re-reads stored backups (checksum,
/// decompression, completion marker) and reports each; exits 1 if any fails.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var backup = new Argument<string?>("backup") { Description = "A manifest id, storage key or backup file path", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Verify every stored backup" };
        var targets = new Option<string[]>("--target", "-t") { Description = "Only this target's backups (repeatable)" };
        var command = new Command("verify", "Check stored backups: checksum, decompression, completion marker") { backup, all, targets };
        context.SetAction(command, async (result, cancellationToken) =>
        {
            var reference = result.GetValue(backup);
            var wanted = result.GetValue(targets) ?? [];
            if (reference is null && !result.GetValue(all) && wanted.Length == 0)
            {
                await context.Console.Error.WriteLineAsync("error: name a backup, or give --all or --target");
                return ExitCodes.Usage;
            }
            await using var session = context.OpenSession(result);
            session.EnsureValid();
            var locator = session.Services.GetRequiredService<BackupLocator>();
            var verifier = session.Services.GetRequiredService<BackupVerifier>();
            var selected = reference is not null
                ? [await locator.FindAsync(reference, wanted.FirstOrDefault(), cancellationToken)]
                : (await locator.AllAsync(cancellationToken))
                    .Where(b => b.BelongsTo(wanted)).ToList();
            var failures = 0;
            foreach (var located in selected)
            {
                var outcome = await verifier.VerifyAsync(located, cancellationToken);
                if (!outcome.Passed) failures++;
                await context.Console.Out.WriteLineAsync(outcome.Passed
                    ? $"OK      {located.Describe} (sha256 {located.Backup.Manifest!.Sha256}, {located.Backup.Manifest.RawSize} bytes of dump)"
                    : $"FAILED  {outcome.Error}");
            }
            await context.Console.Out.WriteLineAsync(selected.Count == 0 ? "no backups to verify" : $"{selected.Count - failures} of {selected.Count} backup(s) verified");
            return failures == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
