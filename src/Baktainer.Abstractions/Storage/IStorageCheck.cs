namespace Baktainer.Abstractions.Storage;

/// <summary>
/// Optional capability of an <see cref="IStorageTarget"/>: checks, without writing a backup, that the
/// storage is reachable and accepts its credentials (<c>baktainer validate</c> runs it before any backup).
/// </summary>
public interface IStorageCheck
{
    /// <summary>Succeeds when the storage can be used.</summary>
    /// <exception cref="BaktainerException">It cannot: unreachable, credentials rejected, bucket or folder missing; the message names the entry.</exception>
    Task CheckAsync(CancellationToken cancellationToken);
}
