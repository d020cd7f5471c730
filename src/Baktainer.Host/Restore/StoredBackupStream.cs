using Baktainer.Abstractions.Storage;
using Baktainer.Host.Compression;
using Baktainer.Host.Encryption;

namespace Baktainer.Host.Restore;

/// <summary>
/// Opens a stored backup as its raw dump: read from storage, decrypted and decompressed with the
/// codec its manifest names, or, for a file without a manifest (such as the original tool's
/// <c>.sql.gz</c>), with the codec its first bytes identify.
/// </summary>
internal static class StoredBackupStream
{
    /// <exception cref="EncryptionException">Encrypted, and no available key opens it (the message names the key id).</exception>
    /// <exception cref="Abstractions.BaktainerException">The manifest's codec is not loaded; the message names its plugin.</exception>
    public static async Task<Stream> OpenRawAsync(IStorageTarget storage, BackupManifest manifest, KeyRing keys, CompressionCodecs codecs, CancellationToken cancellationToken)
    {
        var codec = codecs.ForManifest(manifest, $"{storage.Name}:{manifest.Key}");
        var stored = await storage.OpenReadAsync(manifest.Key, cancellationToken).ConfigureAwait(false);
        try
        {
            var plain = await DecryptAsync(stored, manifest, keys, leaveOpen: false, cancellationToken).ConfigureAwait(false);
            return codec.CreateDecompressor(plain, leaveOpen: false);
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

    /// <summary>Opens a stored file whose manifest is missing, choosing the decompressor by its magic bytes.</summary>
    public static async Task<(Stream Raw, string Codec)> OpenRawByContentAsync(IStorageTarget storage, string key, CompressionCodecs codecs, CancellationToken cancellationToken)
    {
        var stored = await storage.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        var (codec, replayed) = await CodecSniffer.DetectAsync(stored, codecs, cancellationToken).ConfigureAwait(false);
        return (codec.CreateDecompressor(replayed, leaveOpen: false), codec.Name);
    }
}
