using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Labels;
using Baktainer.Host.Scheduling;
using Baktainer.Host.Targets;
using NSubstitute;

namespace Baktainer.Host.Tests.Scheduling;

public sealed class RoundPlannerTests
{
    internal static DiscoveredTarget Target(string name, BackupPriority priority = BackupPriority.Normal, params string[] dependsOn)
    {
        var settings = new TargetSettings { Backup = true, Engine = "postgres", Database = "db", Name = name, Priority = priority, DependsOn = dependsOn };
        var target = new BackupTarget(name, name, "test", new Dictionary<string, string>(), settings, [], TargetStatus.Ready, Substitute.For<ITargetShell>());
        return new DiscoveredTarget(target, null, TargetStatus.Ready, []);
    }

    private static string[] Names(IReadOnlyList<DiscoveredTarget> order) => order.Select(t => t.Name).ToArray();

    [Test]
    public void Plan_Priorities_HighestFirst()
    {
        var (order, problems) = RoundPlanner.Plan([Target("low", BackupPriority.Low), Target("crit", BackupPriority.Critical), Target("norm"), Target("high", BackupPriority.High)]);
        Assert.That(Names(order), Is.EqualTo(new[] { "crit", "high", "norm", "low" }));
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Plan_DependsOn_DependencyFirstEvenWithLowerPriority()
    {
        var (order, _) = RoundPlanner.Plan([Target("app", BackupPriority.Critical, "users"), Target("users", BackupPriority.Low), Target("other", BackupPriority.High)]);
        Assert.That(Names(order), Is.EqualTo(new[] { "users", "app", "other" }));
        Assert.That(RoundPlanner.DependenciesInRound(order[1], order), Is.EqualTo(new[] { "users" }));
    }

    [Test]
    public void Plan_DependencyNotInRound_Ignored()
    {
        var (order, problems) = RoundPlanner.Plan([Target("app", BackupPriority.Normal, "elsewhere")]);
        Assert.That(Names(order), Is.EqualTo(new[] { "app" }));
        Assert.That(RoundPlanner.DependenciesInRound(order[0], order), Is.Empty);
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Plan_Cycle_ReportedAndEveryTargetStillRuns()
    {
        var (order, problems) = RoundPlanner.Plan([Target("a", BackupPriority.Normal, "b"), Target("b", BackupPriority.Normal, "a")]);
        Assert.That(Names(order), Is.EquivalentTo(new[] { "a", "b" }));
        Assert.That(problems.Single(), Does.Contain("cycle").And.Contain("a -> b -> a"));
    }

    [Test]
    public void Jitter_StaysWithinBounds()
    {
        var jitter = new Jitter(TimeSpan.FromSeconds(30), new Random(7));
        var samples = Enumerable.Range(0, 2000).Select(_ => jitter.Next()).ToList();
        Assert.That(samples, Has.All.GreaterThanOrEqualTo(TimeSpan.Zero).And.All.LessThan(TimeSpan.FromSeconds(30)));
        Assert.That(samples.Max() - samples.Min(), Is.GreaterThan(TimeSpan.FromSeconds(20)), "spread, not constant");
        Assert.That(new Jitter(TimeSpan.Zero, new Random(1)).Next(), Is.EqualTo(TimeSpan.Zero));
    }
}
