using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Compose;

/// <summary>
/// deploy/compose/socket-proxy.yml allows exactly the Docker Engine API sections that the Docker
/// discovery plugin calls, and it and SECURITY.md list exactly the calls it makes: read from its
/// source, so a new call (say, archive for a restore) fails these tests until the documents follow,
/// and a listed call or allowed section nobody makes fails them too.
/// </summary>
public sealed partial class SocketProxyTests
{
    private static readonly string ProxyFile = File.ReadAllText(Path.Combine(ComposeFiles.Folder, "socket-proxy.yml"));

    [Test]
    public void CallsInSource_DockerClient_IncludeTheKnownOnes()
    {
        // The reader of the source can fail: these calls are known to be made (an empty or broken read fails here).
        Assert.That(DockerApiCalls.FromClientSource(), Is.SupersetOf(new[]
        {
            "GET /_ping", "GET /version", "GET /containers/json", "GET /containers/{id}/json", "POST /containers/{id}/exec",
            "POST /exec/{id}/start", "GET /exec/{id}/json", "GET /events", "POST /containers/{id}/stop", "POST /containers/{id}/start",
            "PUT /containers/{id}/archive",
        }));
    }

    [Test]
    public void ProxySections_SocketProxyCompose_ExactlyThoseTheDockerClientCalls()
    {
        var calls = DockerApiCalls.FromClientSource();
        var called = calls.Select(DockerApiCalls.Section).ToHashSet();
        if (calls.Any(c => !c.StartsWith("GET ", StringComparison.Ordinal))) called.Add("POST");
        var proxy = ComposeFileTests.Service(ProxyFile, "docker-proxy");
        var allowed = Setting().Matches(proxy).Where(m => m.Groups[2].Value == "1").Select(m => m.Groups[1].Value).ToHashSet();

        Assert.That(allowed, Is.EquivalentTo(called));
        Assert.That(proxy, Does.Contain("/var/run/docker.sock:/var/run/docker.sock:ro"));
        Assert.That(ComposeFileTests.Service(ProxyFile, "baktainer"), Does.Contain("BT_DOCKER_URL: tcp://docker-proxy:2375").And.Not.Contain("docker.sock"));
    }

    [Test]
    public void CallList_SocketProxyComposeComment_ExactlyTheCallsTheClientMakes()
    {
        var comment = string.Join("\n", ProxyFile.Split('\n').TakeWhile(l => l.StartsWith('#')));

        Assert.That(DockerApiCalls.ListedIn(comment), Is.EquivalentTo(DockerApiCalls.FromClientSource()));
    }

    [Test]
    public void CallTable_SecurityGuide_ExactlyTheCallsTheClientMakes()
    {
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "SECURITY.md"));
        var section = CallsSection().Match(guide);

        Assert.That(section.Success, Is.True, "SECURITY.md has a section '### The Docker API calls Baktainer makes'");
        Assert.That(DockerApiCalls.ListedIn(section.Value), Is.EquivalentTo(DockerApiCalls.FromClientSource()));
    }

    [GeneratedRegex(@"^\s+([A-Z_]+):\s*(\d)\s*$", RegexOptions.Multiline)]
    private static partial Regex Setting();

    [GeneratedRegex(@"### The Docker API calls Baktainer makes\n.*?(?=\n##)", RegexOptions.Singleline)]
    private static partial Regex CallsSection();
}
