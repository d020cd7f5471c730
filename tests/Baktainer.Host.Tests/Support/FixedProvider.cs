using System.Runtime.CompilerServices;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Labels;
using Baktainer.Tests.Shared;
using Microsoft.Extensions.Configuration;
using NSubstitute;

namespace Baktainer.Host.Tests.Support;

/// <summary>
/// A discovery provider (no live events) listing label sets, as a plugin would; a test may replace
/// <see cref="Containers"/> between discovery cycles.
/// </summary>
internal sealed class FixedProvider(IReadOnlyList<Dictionary<string, string>> containers) : IDiscoveryProvider, IDiscoveryProviderFactory
{
    private int _listings;

    /// <summary>How many times discovery listed the containers (each poll is one discovery cycle).</summary>
    public int Listings => Volatile.Read(ref _listings);

    /// <summary>What the next discovery cycle lists.</summary>
    public IReadOnlyList<Dictionary<string, string>> Containers { get; set; } = containers;

    public string Name => "fixed";
    public string Type => "fixed";
    public IDiscoveryProvider Create(string name, IConfiguration settings) => this;

    /// <summary>Labels of a postgres target named <paramref name="name"/>.</summary>
    public static Dictionary<string, string> Labels(string name, string? schedule = null)
    {
        var labels = new Dictionary<string, string> { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "db", ["baktainer.name"] = name };
        if (schedule is not null) labels["baktainer.schedule"] = schedule;
        return labels;
    }

    public async IAsyncEnumerable<BackupTarget> DiscoverAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        Interlocked.Increment(ref _listings);
        foreach (var labels in Containers)
        {
            var parsed = TestLabels.BundledEngines.Parse(labels);
            yield return new BackupTarget(labels["baktainer.name"], labels["baktainer.name"], Name, labels, parsed.Settings, parsed.Issues,
                parsed.IsValid ? TargetStatus.Ready : TargetStatus.InvalidLabels, Substitute.For<ITargetShell>());
        }
    }
}
