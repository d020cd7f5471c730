using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Compose;

/// <summary>
/// deploy/compose/socket-proxy.yml allows exactly the Docker Engine API sections that the Docker
/// discovery plugin calls: read from its source, so a new call (say, archive for restores) fails
/// this test until the proxy file allows it, and an allowed section nobody calls fails it too.
/// </summary>
public sealed partial class SocketProxyTests
{
    private static readonly string[] ApiSections =
        ["_ping", "version", "info", "containers", "exec", "events", "images", "volumes", "networks", "build", "commit", "auth",
         "distribution", "grpc", "session", "swarm", "nodes", "services", "tasks", "secrets", "configs", "plugins", "system"];

    [Test]
    public void ProxySections_SocketProxyCompose_ExactlyThoseTheDockerClientCalls()
    {
        var called = CalledSections();
        var proxy = ComposeFileTests.Service(File.ReadAllText(Path.Combine(ComposeFiles.Folder, "socket-proxy.yml")), "docker-proxy");
        var allowed = Setting().Matches(proxy).Where(m => m.Groups[2].Value == "1").Select(m => m.Groups[1].Value).ToHashSet();

        Assert.That(called, Is.SupersetOf(new[] { "CONTAINERS", "EXEC", "EVENTS", "PING", "VERSION", "POST" }), "what the client is known to call");
        Assert.That(allowed, Is.EquivalentTo(called));
        Assert.That(proxy, Does.Contain("/var/run/docker.sock:/var/run/docker.sock:ro"));
        Assert.That(ComposeFileTests.Service(File.ReadAllText(Path.Combine(ComposeFiles.Folder, "socket-proxy.yml")), "baktainer"),
            Does.Contain("BT_DOCKER_URL: tcp://docker-proxy:2375").And.Not.Contain("docker.sock"));
    }

    /// <summary>The proxy's names (PING, CONTAINERS, ..., POST) for every API path the plugin's source names.</summary>
    private static HashSet<string> CalledSections()
    {
        var source = string.Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "plugins", "Discovery.Docker"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).Select(File.ReadAllText));
        var sections = new HashSet<string>();
        foreach (Match literal in PathLiteral().Matches(source))
            if (ApiSections.Contains(literal.Groups[1].Value))
                sections.Add(literal.Groups[1].Value == "_ping" ? "PING" : literal.Groups[1].Value.ToUpperInvariant());
        if (source.Contains("HttpMethod.Post", StringComparison.Ordinal) || source.Contains("\"POST /", StringComparison.Ordinal)
            || source.Contains("HttpMethod.Delete", StringComparison.Ordinal) || source.Contains("HttpMethod.Put", StringComparison.Ordinal))
            sections.Add("POST");
        return sections;
    }

    /// <summary>A string literal that starts an API path: optional method, slash and v{version}/ prefix, then the section.</summary>
    [GeneratedRegex("""\$?"(?:(?:GET|POST|PUT|DELETE|HEAD) )?/?(?:v\{[^}]+\}/)?([a-z_]+)(?=[/?"{])""")]
    private static partial Regex PathLiteral();

    [GeneratedRegex(@"^\s+([A-Z_]+):\s*(\d)\s*$", RegexOptions.Multiline)]
    private static partial Regex Setting();
}
