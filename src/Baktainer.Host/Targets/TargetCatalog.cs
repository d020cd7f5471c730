using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Host.Components;

namespace Baktainer.Host.Targets;

/// <summary>
/// Lists targets from every discovery provider and applies the host's checks: the engine must be
/// provided by a loaded plugin and accept the target's settings.
/// </summary>
internal sealed class TargetCatalog(ComponentRegistry components, IEnumerable<IBackupStrategy> strategies)
{
    private readonly IReadOnlyList<IBackupStrategy> _strategies = strategies.ToList();

    public async Task<IReadOnlyList<DiscoveredTarget>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var targets = new List<DiscoveredTarget>();
        foreach (var provider in components.Discovery)
            await foreach (var target in provider.DiscoverAsync(cancellationToken).ConfigureAwait(false))
                targets.Add(Check(target));
        return targets;
    }

    public IBackupStrategy? FindStrategy(string engine) =>
        _strategies.FirstOrDefault(s => s.Engine.Equals(engine, StringComparison.OrdinalIgnoreCase) || s.Aliases.Contains(engine, StringComparer.OrdinalIgnoreCase));

    public DiscoveredTarget Check(BackupTarget target)
    {
        var problems = target.Problems.Select(p => p.ToString()).ToList();
        var status = target.Status;
        var strategy = target.Engine.Length == 0 ? null : FindStrategy(target.Engine);
        if (target.Engine.Length > 0 && strategy is null)
        {
            problems.Add($"error: no engine plugin provides '{target.Engine}' (label '{LabelSchema.Engine}'); installed engines: {string.Join(", ", _strategies.Select(s => s.Engine).DefaultIfEmpty("none"))}");
            if (status == TargetStatus.Ready) status = TargetStatus.InvalidLabels;
        }
        // The engine's own rules run whenever its engine is known, so every problem is listed at once.
        if (strategy is not null)
        {
            var engineErrors = strategy.Validate(target);
            problems.AddRange(engineErrors.Select(e => "error: " + e));
            if (engineErrors.Count > 0 && status == TargetStatus.Ready) status = TargetStatus.InvalidLabels;
        }
        return new DiscoveredTarget(target, strategy, status, problems);
    }
}
