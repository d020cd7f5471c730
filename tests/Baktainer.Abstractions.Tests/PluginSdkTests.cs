using System.Xml.Linq;
using Baktainer.Tests.Shared;

namespace Baktainer.Abstractions.Tests;

public sealed class PluginSdkTests
{
    [Test]
    public void BuildProps_AbstractionsMajor_MatchesTheAssembly()
    {
        var props = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "Baktainer.Abstractions", "buildTransitive", "Baktainer.Abstractions.props"));
        var major = props.Descendants("BaktainerAbstractionsMajor").Single().Value;
        Assert.That(major, Is.EqualTo(AbstractionsVersion.Major.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "plugin.json's abstractions major written by the SDK targets is the one the host checks");
        Assert.That(typeof(AbstractionsVersion).Assembly.GetName().Version!.Major, Is.EqualTo(AbstractionsVersion.Major));
    }
}
