using System.Runtime.CompilerServices;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Labels;
using Baktainer.Discovery.Docker.Client;
using Microsoft.Extensions.Logging;
using Polly;

namespace Baktainer.Discovery.Docker;

/// <summary>
/// Finds containers labelled <c>baktainer.backup=true</c> through the Docker Engine API and turns
/// each into a <see cref="BackupTarget"/> with parsed settings and a <c>docker exec</c> shell.
/// </summary>
internal sealed class DockerDiscoveryProvider : IDiscoveryProvider, IWatchableDiscovery, IReachabilityCheck, IDisposable
{
    private readonly LabelCatalog _labels;
    private readonly DockerApiClient _client;
    private readonly ResiliencePipeline _retry;
    private readonly DockerDiscoveryOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public DockerDiscoveryProvider(string name, DockerApiClient client, DockerDiscoveryOptions options, LabelCatalog labels, ILogger logger, TimeProvider time)
    {
        _labels = labels;
        Name = name;
        _client = client;
        _options = options;
        _logger = logger;
        _time = time;
        _retry = DockerRetry.Create(options, logger);
    }

    public string Name { get; }

    public async IAsyncEnumerable<BackupTarget> DiscoverAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var containers = await _retry.ExecuteAsync(async ct => await _client.ListContainersAsync(LabelSchema.Backup, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        foreach (var container in containers.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var labels = container.Labels ?? [];
            if (!LabelSchema.IsBackupEnabled(labels)) continue;
            var target = ToTarget(container, labels);
            yield return target;
        }
    }

    /// <summary>
    /// First yields every current target, then changes as Docker reports them. When the event
    /// stream breaks it keeps re-listing containers (polling) and reconnects with backoff; a full
    /// re-list also runs every <see cref="DockerDiscoveryOptions.PollInterval"/>.
    /// </summary>
    public async IAsyncEnumerable<TargetChange> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, string>();
        var backoff = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            var events = _client.EventsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            var next = SafeMoveNext(events);
            var (changes, listed) = await TryResyncAsync(known, cancellationToken).ConfigureAwait(false);
            foreach (var change in changes) yield return change;

            var broken = !listed;
            while (!broken)
            {
                var tick = Task.Delay(_options.PollInterval, _time, cancellationToken);
                var winner = await Task.WhenAny(next, tick).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (winner == next)
                {
                    if (!await next.ConfigureAwait(false)) { broken = true; break; }
                    if (!IsRelevant(events.Current)) { next = SafeMoveNext(events); continue; }
                    next = SafeMoveNext(events);
                }
                (changes, listed) = await TryResyncAsync(known, cancellationToken).ConfigureAwait(false);
                foreach (var change in changes) yield return change;
                backoff = TimeSpan.FromSeconds(1);
            }
            await events.DisposeAsync().ConfigureAwait(false);
            _logger.LogWarning("Docker event stream from {Url} is down; polling containers and reconnecting in {Delay} s", _client.Endpoint.Url, backoff.TotalSeconds);
            await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromSeconds(Math.Min(backoff.TotalSeconds * 2, _options.PollInterval.TotalSeconds));
        }
    }

    /// <summary>GET /_ping on the daemon.</summary>
    public Task CheckReachableAsync(CancellationToken cancellationToken) => _client.PingAsync(cancellationToken);

    public void Dispose() => _client.Dispose();

    internal BackupTarget ToTarget(ContainerSummary container, IReadOnlyDictionary<string, string> labels)
    {
        var parsed = _labels.Parse(labels);
        var running = string.Equals(container.State, "running", StringComparison.OrdinalIgnoreCase);
        var status = !parsed.IsValid ? TargetStatus.InvalidLabels : running ? TargetStatus.Ready : TargetStatus.NotRunning;
        var shell = new DockerExecShell(_client, _retry, container.Id, container.Name, new ExecTerminator(_client, container.Id, _logger));
        var resolver = new DockerPasswordResolver(_client, container.Id, container.Name, parsed.Settings, shell);
        return new BackupTarget(container.Id, container.Name, Name, labels, parsed.Settings, parsed.Issues, status, shell)
        {
            ResolvePasswordAsync = resolver.ResolveAsync,
            Control = new DockerTargetControl(_client, container.Id, container.Name),
        };
    }

    private static bool IsRelevant(DockerEvent e) =>
        e.Action is "start" or "die" or "stop" or "destroy" or "create" or "rename" or "pause" or "unpause" or "update" or "restart";

    /// <summary>A pending "next event" that reports a broken stream as false instead of throwing.</summary>
    private async Task<bool> SafeMoveNext(IAsyncEnumerator<DockerEvent> events)
    {
        try
        {
            return await events.MoveNextAsync().ConfigureAwait(false);
        }
        catch (DockerException e)
        {
            _logger.LogWarning("Docker event stream: {Reason}", e.Message);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<(List<TargetChange> Changes, bool Listed)> TryResyncAsync(Dictionary<string, string> known, CancellationToken cancellationToken)
    {
        var changes = new List<TargetChange>();
        var seen = new HashSet<string>();
        try
        {
            await foreach (var target in DiscoverAsync(cancellationToken).ConfigureAwait(false))
            {
                seen.Add(target.Id);
                var fingerprint = Fingerprint(target);
                if (known.TryGetValue(target.Id, out var old) && old == fingerprint) continue;
                known[target.Id] = fingerprint;
                changes.Add(new TargetChange(TargetChangeKind.AddedOrChanged, target.Id, target));
            }
        }
        catch (DockerException e)
        {
            _logger.LogWarning("Cannot list containers from {Url}: {Reason}; will retry", _client.Endpoint.Url, e.Message);
            return (changes, false);
        }
        foreach (var gone in known.Keys.Where(id => !seen.Contains(id)).ToList())
        {
            known.Remove(gone);
            changes.Add(new TargetChange(TargetChangeKind.Removed, gone, null));
        }
        return (changes, true);
    }

    private static string Fingerprint(BackupTarget target) =>
        target.Status + "\n" + string.Join('\n', target.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value));
}
