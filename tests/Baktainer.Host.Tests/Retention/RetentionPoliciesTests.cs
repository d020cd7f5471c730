using Baktainer.Abstractions.Labels;
using Baktainer.Host.Configuration;
using Baktainer.Host.Retention;

namespace Baktainer.Host.Tests.Retention;

public sealed class RetentionPoliciesTests
{
    [Test]
    public void For_Labels_OverrideEachSettingTheySet()
    {
        var settings = new BaktainerSettings { RetentionDays = 30, RetentionCount = 10, RetentionKeep = new Dictionary<string, int> { ["daily"] = 7 } };
        var labels = LabelCatalog.Empty.Parse(new Dictionary<string, string>
        {
            ["baktainer.backup.retention.count"] = "2", ["baktainer.backup.retention.keep_weekly"] = "4",
        }).Settings;
        var policy = new RetentionPolicies(settings).For(labels);
        Assert.That(policy.Days, Is.EqualTo(30));
        Assert.That(policy.Count, Is.EqualTo(2));
        Assert.That(policy.Keep, Is.EquivalentTo(new Dictionary<string, int> { ["daily"] = 7, ["weekly"] = 4 }));
        Assert.That(policy.ToString(), Is.EqualTo("keep 30 days or newest 2 or keep_daily=7 or keep_weekly=4"));
    }

    [Test]
    public void Describe_Default_KeepsEverything() =>
        Assert.That(new RetentionPolicies(new BaktainerSettings()).Describe(), Does.StartWith("retention: keep everything"));
}
