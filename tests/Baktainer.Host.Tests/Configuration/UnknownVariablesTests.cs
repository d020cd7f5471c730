using Baktainer.Host.Configuration;

namespace Baktainer.Host.Tests.Configuration;

public sealed class UnknownVariablesTests
{
    [Test]
    public void Check_MisspeltVariable_WarnsWithClosest()
    {
        var warnings = UnknownVariables.Check(new Dictionary<string, string> { ["BT_TREADS"] = "3", ["BT_THREADS"] = "2", ["PATH"] = "/bin", ["BTX"] = "1" }).ToList();
        Assert.That(warnings, Is.EqualTo(new[] { "environment variable BT_TREADS is not a Baktainer setting and is ignored; did you mean BT_THREADS?" }));
    }

    [Test]
    public void Check_KnownAndRetiredVariables_NoWarning()
    {
        var environment = UnknownVariables.Known.ToDictionary(v => v, _ => "x");
        Assert.That(environment, Contains.Key("BT_ROTATION_ENABLED").And.ContainKey("BT_S3_BUCKET"));
        Assert.That(UnknownVariables.Check(environment), Is.Empty);
    }

    [Test]
    public void Check_NothingClose_PointsToReadme()
    {
        Assert.That(UnknownVariables.Check(new Dictionary<string, string> { ["BT_ZZZZZZZZZZ"] = "1" }).Single(), Does.EndWith("see README, Configuration"));
    }
}
