using Baktainer.Abstractions;
using Baktainer.Abstractions.Compression;
using Baktainer.Abstractions.Engines;
using Baktainer.Host.Compression;
using Baktainer.Host.Encryption;
using Baktainer.Host.Targets;

namespace Baktainer.Host.Restore;

/// <summary>
/// Re-reads a stored backup in one streaming pass: SHA-256 and size of the stored bytes against
/// the manifest, decryption with every segment authenticated, full decompression, the raw size,
/// and the engine's own completion check. The codec is the manifest's; a file without a manifest
/// fails, but is still decompressed (codec chosen by its magic bytes) so the report says whether
/// its content is intact.
/// </summary>
internal sealed class BackupVerifier(TargetCatalog catalog, BackupEncryption encryption, CompressionCodecs codecs)
{
    /// <param name="storedBytesOnly">Check only size and SHA-256 of the stored bytes (an encrypted backup whose key this process does not hold).</param>
    public async Task<VerificationResult> VerifyAsync(LocatedBackup located, CancellationToken cancellationToken, bool storedBytesOnly = false)
    {
        var (storage, backup) = (located.Storage, located.Backup);
        if (backup.Manifest is not { } manifest)
            return await WithoutManifestAsync(located, cancellationToken).ConfigureAwait(false);
        var strategy = catalog.FindStrategy(manifest.Engine);
        if (strategy is null)
            return new(located, $"{located.Describe}: no engine plugin for '{manifest.Engine}' is loaded to check it");
        ICompressionCodec codec;
        try { codec = codecs.ForManifest(manifest, located.Describe); }
        catch (BaktainerException e) { return new(located, e.Message); }

        await using var stored = new HashingReadStream(await storage.OpenReadAsync(backup.Key, cancellationToken).ConfigureAwait(false));
        long rawSize = 0;
        string? dumpError = null;
        string? decryptError = null;
        Stream? plain = null;
        Stream? decompressed = null;
        try
        {
            if (storedBytesOnly) return await StoredBytesAsync(located, stored, manifest, cancellationToken).ConfigureAwait(false);
            plain = await StoredBackupStream.DecryptAsync(stored, manifest, encryption.Keys, leaveOpen: true, cancellationToken).ConfigureAwait(false);
            decompressed = codec.CreateDecompressor(plain, leaveOpen: true);
            await using var counted = new HashingReadStream(decompressed, leaveOpen: true);
            if (strategy is IDumpVerifier verifier) await verifier.VerifyDumpAsync(counted, manifest, cancellationToken).ConfigureAwait(false);
            await counted.DrainAsync(cancellationToken).ConfigureAwait(false); // whatever the engine's check left unread
            rawSize = counted.BytesRead;
        }
        catch (EncryptionException e)
        {
            decryptError = e.Message;
        }
        catch (InvalidDataException e)
        {
            dumpError = $"not a valid {manifest.Compression} stream ({e.Message})";
        }
        catch (BackupFailedException e)
        {
            dumpError = e.Message;
        }
        finally
        {
            if (decompressed is not null) await decompressed.DisposeAsync().ConfigureAwait(false);
            if (plain is not null && !ReferenceEquals(plain, stored)) await plain.DisposeAsync().ConfigureAwait(false);
        }
        // Decryption names the segment (or the key needed): more precise than a checksum mismatch.
        if (decryptError is not null) return new(located, $"{located.Describe}: {decryptError}");
        await stored.DrainAsync(cancellationToken).ConfigureAwait(false);

        if (StoredMismatch(located, stored, manifest) is { } mismatch) return new(located, mismatch);
        if (dumpError is not null) return new(located, $"{located.Describe}: {dumpError}");
        if (!manifest.Legacy && rawSize != manifest.RawSize)
            return new(located, $"{located.Describe}: decompressed to {rawSize} bytes but the manifest says {manifest.RawSize}");
        return new(located, null);
    }

    /// <summary>Why the stored bytes read through <paramref name="stored"/> are not the ones the manifest describes, or null.</summary>
    public static string? StoredMismatch(LocatedBackup located, HashingReadStream stored, Abstractions.Storage.BackupManifest manifest)
    {
        if (stored.BytesRead != manifest.StoredSize)
            return $"{located.Describe}: size is {stored.BytesRead} bytes but the manifest says {manifest.StoredSize}; the file is truncated or was changed";
        if (stored.Sha256Hex() != manifest.Sha256)
            return $"{located.Describe}: SHA-256 {stored.Sha256Hex()} does not match the manifest's {manifest.Sha256}; the file is corrupted";
        return null;
    }

    private static async Task<VerificationResult> StoredBytesAsync(LocatedBackup located, HashingReadStream stored, Abstractions.Storage.BackupManifest manifest, CancellationToken cancellationToken)
    {
        await stored.DrainAsync(cancellationToken).ConfigureAwait(false);
        return new(located, StoredMismatch(located, stored, manifest));
    }

    private async Task<VerificationResult> WithoutManifestAsync(LocatedBackup located, CancellationToken cancellationToken)
    {
        var missing = $"{located.Describe}: no manifest ({located.Backup.Key}.json is missing or unreadable), so its checksum cannot be checked";
        var (raw, codec) = await StoredBackupStream.OpenRawByContentAsync(located.Storage, located.Backup.Key, codecs, cancellationToken).ConfigureAwait(false);
        await using (raw)
        {
            await using var counted = new HashingReadStream(raw, leaveOpen: true);
            try { await counted.DrainAsync(cancellationToken).ConfigureAwait(false); }
            catch (InvalidDataException e) { return new(located, $"{missing}; it is not a valid {codec} stream either ({e.Message})"); }
            return new(located, codec == "none" ? missing : $"{missing}; its content decompresses completely as {codec} ({counted.BytesRead} bytes)");
        }
    }

    /// <summary>Like <see cref="VerifyAsync"/>, but a copy whose storage cannot be read (unreachable, object missing) is a failed check, not an error.</summary>
    public async Task<VerificationResult> TryVerifyAsync(LocatedBackup located, CancellationToken cancellationToken)
    {
        try { return await VerifyAsync(located, cancellationToken).ConfigureAwait(false); }
        catch (BaktainerException e) { return new(located, $"{located.Describe}: {e.Message}"); }
    }
}
