namespace Baktainer.Abstractions.Storage;

/// <summary>A backup file found in a storage target.</summary>
/// <param name="Key">Its storage key.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="LastModifiedUtc">When it was written.</param>
/// <param name="Manifest">Its manifest; null when the sidecar is missing or unreadable.</param>
public sealed record StoredBackup(string Key, long Size, DateTimeOffset LastModifiedUtc, BackupManifest? Manifest);
