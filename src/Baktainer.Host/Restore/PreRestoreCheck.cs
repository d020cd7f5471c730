using Baktainer.Abstractions;
using Baktainer.Host.Encryption;

namespace Baktainer.Host.Restore;

/// <summary>
/// The check before a restore touches the database, in one read without decompressing: size and
/// SHA-256 of the stored bytes against the manifest and, for an encrypted backup, every segment
/// authenticated. That suffices because the content passed the engine's completion check when it
/// was written and the SHA-256 proves these are the same bytes; the decompression and the engine's
/// check then run once, while the dump streams into the restore tool. Backups that never had that
/// check here (the original tool's, files without a manifest) get the full verification first.
/// </summary>
internal sealed class PreRestoreCheck(BackupVerifier verifier, BackupEncryption encryption)
{
    public async Task<VerificationResult> RunAsync(LocatedBackup located, CancellationToken cancellationToken)
    {
        if (located.Backup.Manifest is not { Legacy: false } manifest)
            return await verifier.TryVerifyAsync(located, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var stored = new HashingReadStream(await located.Storage.OpenReadAsync(located.Backup.Key, cancellationToken).ConfigureAwait(false));
            if (manifest.Encryption is not null)
            {
                await using var plain = await DecryptingStream.OpenAsync(stored, encryption.Keys, leaveOpen: true, cancellationToken).ConfigureAwait(false);
                await plain.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false); // authenticates every segment
            }
            await stored.DrainAsync(cancellationToken).ConfigureAwait(false);
            return new(located, BackupVerifier.StoredMismatch(located, stored, manifest));
        }
        catch (BaktainerException e)
        {
            return new(located, $"{located.Describe}: {e.Message}");
        }
    }
}
