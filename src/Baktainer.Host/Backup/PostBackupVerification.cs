using Baktainer.Abstractions;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Compression;
using Baktainer.Host.Restore;
using Baktainer.Host.Encryption;
using Baktainer.Host.Targets;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Backup;

/// <summary>
/// Verification right after a backup is committed (<c>baktainer.verify</c> / <c>Verify</c>):
/// <c>checksum</c> re-reads and checks the stored file; <c>restore</c> also runs the engine's restore
/// drill into a scratch database. The result is recorded in every storage's manifest; a failure
/// fails the backup.
/// </summary>
internal sealed class PostBackupVerification(BackupVerifier verifier, BackupEncryption encryption, CompressionCodecs codecs, ILogger<PostBackupVerification> logger)
{
    /// <returns>The manifest with its verification recorded, and the failure if any.</returns>
    public async Task<(BackupManifest Manifest, string? Failure)> RunAsync(string mode, DiscoveredTarget target, BackupManifest manifest,
        IReadOnlyList<IStorageTarget> storages, CancellationToken cancellationToken)
    {
        var (verified, failure) = await CheckAsync(mode, target, manifest, storages[0], cancellationToken).ConfigureAwait(false);
        foreach (var storage in storages.OfType<IManifestUpdater>())
            await storage.UpdateManifestAsync(manifest.Key, verified, cancellationToken).ConfigureAwait(false);
        return (verified, failure);
    }

    private async Task<(BackupManifest, string?)> CheckAsync(string mode, DiscoveredTarget target, BackupManifest manifest, IStorageTarget storage, CancellationToken cancellationToken)
    {
        // Public-key mode: this process holds no key that opens the backup, so only the stored bytes can be checked here.
        var canDecrypt = manifest.EncryptionKeyId is not { } ids || ids.Split(',').Any(encryption.Keys.Has);
        if (!canDecrypt) logger.LogWarning("{Target}: encrypted to {KeyId}, whose private key this process does not hold; verified size and SHA-256 of the stored bytes only", target.Name, manifest.EncryptionKeyId);
        var check = await verifier.VerifyAsync(new LocatedBackup(storage, new StoredBackup(manifest.Key, manifest.StoredSize, manifest.FinishedUtc, manifest)), cancellationToken, storedBytesOnly: !canDecrypt).ConfigureAwait(false);
        if (!check.Passed) return Failed(manifest, $"verification failed: {check.Error}");
        if (mode != "restore" || !canDecrypt) return (manifest with { Verification = "checksum" }, null);
        if (target.Strategy is not IRestoreDrill drill || !drill.CanDrill(manifest))
        {
            logger.LogWarning("{Target}: no restore drill for this {Engine} backup; verified by checksum only", target.Name, manifest.Engine);
            return (manifest with { Verification = "checksum" }, null);
        }

        DrillReport report;
        try
        {
            await using var raw = await StoredBackupStream.OpenRawAsync(storage, manifest, encryption.Keys, codecs, cancellationToken).ConfigureAwait(false);
            report = await drill.DrillAsync(target.Target, raw, manifest, cancellationToken).ConfigureAwait(false);
        }
        catch (BaktainerException e)
        {
            return Failed(manifest, $"restore drill failed: {e.Message}");
        }
        if (!report.Passed) return Failed(manifest with { VerifiedRowCounts = report.RowCounts }, $"restore drill failed: {report.Problem}");
        logger.LogInformation("{Target}: restore drill passed ({Tables} tables, {Rows} rows)", target.Name, report.RowCounts.Count, report.RowCounts.Values.Sum());
        return (manifest with { Verification = "restore", VerifiedRowCounts = report.RowCounts }, null);
    }

    /// <summary>The dump stays stored (it may still restore by hand) but is marked as failed, and the run fails.</summary>
    private static (BackupManifest, string?) Failed(BackupManifest manifest, string reason) =>
        (manifest with { Verification = "failed: " + reason },
            $"{manifest.Target}: {reason}; the dump is kept as {manifest.Key}, marked 'verification: failed' in its manifest and in 'baktainer backups'");
}
