using System.IO.Compression;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Encryption;

namespace Baktainer.Host.Restore;

/// <summary>Opens a stored backup as its raw dump: read from storage, decrypted and decompressed as its manifest says.</summary>
internal static class StoredBackupStream
{
    /// <exception cref="EncryptionException">Encrypted, and no available key opens it (the message names the key id).</exception>
    public static async Task<Stream> OpenRawAsync(IStorageTarget storage, BackupManifest manifest, KeyRing keys, CancellationToken cancellationToken)
    {
        var stored = await storage.OpenReadAsync(manifest.Key, cancellationToken).ConfigureAwait(false);
        try
        {
            var plain = await DecryptAsync(stored, manifest, keys, leaveOpen: false, cancellationToken).ConfigureAwait(false);
            return manifest.Compression == "gzip" ? new GZipStream(plain, CompressionMode.Decompress) : plain;
        }
        catch
        {
            await stored.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The decrypted stream of an encrypted backup, else <paramref name="stored"/> itself.</summary>
    public static async Task<Stream> DecryptAsync(Stream stored, BackupManifest manifest, KeyRing keys, bool leaveOpen, CancellationToken cancellationToken) =>
        manifest.Encryption is null ? stored : await DecryptingStream.OpenAsync(stored, keys, leaveOpen, cancellationToken).ConfigureAwait(false);
}
