namespace Baktainer.Abstractions.Storage;

/// <summary>
/// Optional capability of an <see cref="IStorageTarget"/>: whether new backups can be written
/// now and how much space is left, for health reporting, metrics and low-space alerts.
/// </summary>
public interface IStorageHealth
{
    /// <summary>Checks the storage without writing a backup. Never throws for an unhealthy storage: it reports it.</summary>
    Task<StorageHealth> CheckHealthAsync(CancellationToken cancellationToken);
}

/// <summary>A storage's health.</summary>
/// <param name="FreeBytes">Free space where known.</param>
/// <param name="Problem">Why a backup could not be written now (e.g. folder not writable); null when healthy.</param>
public sealed record StorageHealth(long? FreeBytes, string? Problem);
