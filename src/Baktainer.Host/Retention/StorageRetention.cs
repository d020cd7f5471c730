namespace Baktainer.Host.Retention;

/// <summary>
/// A storage entry's own retention (<c>Storage:N:Retention:*</c>, or <c>BT_S3_RETENTION_*</c> for the
/// <c>s3</c> entry): when set, it replaces the global and label policy for the backups in that storage.
/// </summary>
/// <param name="Policy">The entry's rules; null when the entry sets none (the global/label policy applies).</param>
/// <param name="MinFreeSpaceGb">The entry's <c>MinFreeSpaceGb</c> (local storage); null for the global one.</param>
internal sealed record StorageRetention(RetentionPolicy? Policy, double? MinFreeSpaceGb);
