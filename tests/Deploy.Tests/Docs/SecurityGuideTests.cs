using Baktainer.Tests.Shared;

namespace Deploy.Tests.Docs;

/// <summary>SECURITY.md covers what the shipping issue asks of it, and the least-privilege settings it gives are the ones the image tests run with.</summary>
public sealed class SecurityGuideTests
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "SECURITY.md"));

    [Test]
    public void Guide_RequiredTopics_EachHasASection()
    {
        var headings = Guide.Split('\n').Where(l => l.StartsWith('#')).Select(l => l.ToLowerInvariant()).ToList();

        Assert.Multiple(() =>
        {
            foreach (var topic in new[] { "docker socket means", "socket proxy", "least privilege", "secrets", "public key", "reporting a vulnerability" })
                Assert.That(headings, Has.Some.Contain(topic), $"a section about '{topic}'");
        });
    }

    [Test]
    public void Guide_LeastPrivilege_TheFlagsTheImageTestsUse()
    {
        foreach (var flag in new[] { "--group-add", "group_add", "--read-only", "no-new-privileges", "--cap-drop ALL", "--tmpfs /tmp:uid=10001,gid=10001", "/app/plugins-extra", "BT_ENCRYPTION_RECIPIENT" })
            Assert.That(Guide, Does.Contain(flag));
    }
}
