using Baktainer.Abstractions;
using Baktainer.Abstractions.Engines;
using Baktainer.Host.Compression;
using Baktainer.Host.Encryption;
using Baktainer.Host.Targets;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Restore;

/// <summary>
/// Restores a stored backup into a target: checks the stored bytes before touching the database,
/// refuses to overwrite existing data without confirmation (naming what would be overwritten),
/// then streams it through decompression into the engine's restore tool.
/// </summary>
internal sealed class RestoreService(BackupLocator locator, PreRestoreCheck check, BackupEncryption encryption, CompressionCodecs codecs, ILogger<RestoreService> logger)
{
    public async Task<LocatedBackup> RestoreAsync(DiscoveredTarget target, string reference, string? database, bool confirmed, CancellationToken cancellationToken, string? storage = null)
    {
        var strategy = target.ReadyStrategy();
        var copies = await locator.FindCopiesAsync(reference, target.Name, storage, cancellationToken).ConfigureAwait(false);
        var located = await FirstHealthyAsync(copies, target, strategy, cancellationToken).ConfigureAwait(false);
        var manifest = located.Backup.Manifest!;

        var options = new RestoreOptions(database, AllDatabases: manifest.Database == "*", ReplaceExisting: confirmed);
        if (strategy is IRestoreInspector inspector && !confirmed)
        {
            var existing = await inspector.ExistingDataAsync(target.Target, options, cancellationToken).ConfigureAwait(false);
            if (existing.Count > 0)
                throw new RestoreNeedsConfirmationException(
                    $"restoring {located.Describe} into {target.Target.DisplayName} would overwrite {existing.Count} existing object(s): " +
                    $"{string.Join(", ", existing.Take(20))}{(existing.Count > 20 ? ", ..." : "")}; run again with --yes to overwrite");
        }

        logger.LogInformation("Restoring {Backup} into {Target}", located.Describe, target.Target.DisplayName);
        await using var raw = await StoredBackupStream.OpenRawAsync(located.Storage, manifest, encryption.Keys, codecs, cancellationToken).ConfigureAwait(false);
        await strategy.RestoreAsync(target.Target, raw, options, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Restored {Backup} into {Target}", located.Describe, target.Target.DisplayName);
        return located;
    }

    /// <summary>The first copy (in the storages' order) that passes <see cref="PreRestoreCheck"/>; the database is not touched before.</summary>
    private async Task<LocatedBackup> FirstHealthyAsync(IReadOnlyList<LocatedBackup> copies, DiscoveredTarget target, IBackupStrategy strategy, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var copy in copies)
        {
            if (copy.Backup.Manifest is not { } manifest)
            {
                problems.Add($"{copy.Describe} has no manifest, so its checksum cannot be checked");
                continue;
            }
            if (!EnginesMatch(manifest.Engine, strategy))
                throw new BaktainerException($"refusing to restore {copy.Describe}: it is a {manifest.Engine} backup but {target.Target.DisplayName} runs {target.Target.Engine}");
            var verification = await check.RunAsync(copy, cancellationToken).ConfigureAwait(false);
            if (verification.Passed) return copy;
            problems.Add(verification.Error!);
            if (copies.Count > 1) logger.LogWarning("Copy {Copy} failed verification ({Reason}); trying the next copy", copy.Describe, verification.Error);
        }
        throw new BaktainerException($"refusing to restore: {string.Join("; ", problems)}; the database was not touched");
    }

    private static bool EnginesMatch(string engine, IBackupStrategy strategy) =>
        strategy.Engine.Equals(engine, StringComparison.OrdinalIgnoreCase)
        || strategy.Aliases.Contains(engine, StringComparer.OrdinalIgnoreCase)
        || (strategy is IRestoreCompatibility compatibility && compatibility.CanRestore(engine));
}

/// <summary>A restore would overwrite data and <c>--yes</c> was not given (exit code 2).</summary>
internal sealed class RestoreNeedsConfirmationException(string message) : BaktainerException(message);
