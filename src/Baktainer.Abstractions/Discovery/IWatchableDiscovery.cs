namespace Baktainer.Abstractions.Discovery;

/// <summary>Optional capability of an <see cref="IDiscoveryProvider"/>: live change notifications.</summary>
public interface IWatchableDiscovery
{
    /// <summary>
    /// Yields changes as they happen (container started, stopped, removed, relabelled) until
    /// cancelled. Implementations reconnect (or fall back to polling) when their source breaks;
    /// the sequence ends only on cancellation.
    /// </summary>
    IAsyncEnumerable<TargetChange> WatchAsync(CancellationToken cancellationToken);
}

/// <summary>What happened to a target.</summary>
public enum TargetChangeKind
{
    /// <summary>A new or changed target; <see cref="TargetChange.Target"/> holds it.</summary>
    AddedOrChanged,
    /// <summary>The target stopped or disappeared.</summary>
    Removed,
}

/// <summary>A change seen by <see cref="IWatchableDiscovery"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="TargetId">The target's <see cref="BackupTarget.Id"/>.</param>
/// <param name="Target">The target as it is now; null when removed.</param>
public sealed record TargetChange(TargetChangeKind Kind, string TargetId, BackupTarget? Target);
