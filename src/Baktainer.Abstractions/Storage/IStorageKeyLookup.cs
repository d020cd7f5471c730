namespace Baktainer.Abstractions.Storage;

/// <summary>
/// Optional capability of an <see cref="IStorageTarget"/>: whether a key is taken. Before a backup
/// starts, the host asks every storage it goes to and picks the first key (<c>name-seconds</c>, then
/// <c>name-seconds-2</c>, <c>-3</c>, ... from <see cref="BackupKeySuffix"/>) that none of them holds, so
/// all copies of one backup share one key even when two backups of a target start in the same second.
/// </summary>
public interface IStorageKeyLookup
{
    /// <summary>Whether a backup, its data or its manifest exists under <paramref name="key"/>, or one is being written under it.</summary>
    /// <exception cref="BaktainerException">The storage cannot be asked (unreachable); the message names it.</exception>
    Task<bool> IsTakenAsync(string key, CancellationToken cancellationToken);
}
