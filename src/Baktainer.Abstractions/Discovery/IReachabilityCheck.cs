namespace Baktainer.Abstractions.Discovery;

/// <summary>
/// Optional capability of an <see cref="IDiscoveryProvider"/>: a cheap check that its source
/// (e.g. the Docker daemon) answers, used by the daemon's health reporting and alerts.
/// </summary>
public interface IReachabilityCheck
{
    /// <summary>Returns when the source answers.</summary>
    /// <exception cref="BaktainerException">The source cannot be reached; the message says where and why.</exception>
    Task CheckReachableAsync(CancellationToken cancellationToken);
}
