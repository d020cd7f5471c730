namespace Baktainer.Abstractions.Discovery;

/// <summary>Finds databases to back up (Docker labels, Swarm services, Kubernetes annotations).</summary>
public interface IDiscoveryProvider
{
    /// <summary>The configured name of this provider (e.g. <c>docker</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Lists the labelled targets as they are now, including those with invalid labels or not
    /// running (see <see cref="BackupTarget.Status"/>), so they can be reported.
    /// </summary>
    /// <exception cref="BaktainerException">The source is unreachable; <see cref="BaktainerException.IsTransient"/> tells whether to retry.</exception>
    IAsyncEnumerable<BackupTarget> DiscoverAsync(CancellationToken cancellationToken);
}
