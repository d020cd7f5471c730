using System.IO.Compression;
using Baktainer.Abstractions.Storage;

namespace Baktainer.Host.Restore;

/// <summary>Opens a stored backup as its raw dump: read from storage and decompressed as its manifest says.</summary>
internal static class StoredBackupStream
{
    public static async Task<Stream> OpenRawAsync(IStorageTarget storage, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var stored = await storage.OpenReadAsync(manifest.Key, cancellationToken).ConfigureAwait(false);
        return manifest.Compression == "gzip" ? new GZipStream(stored, CompressionMode.Decompress) : stored;
    }
}
