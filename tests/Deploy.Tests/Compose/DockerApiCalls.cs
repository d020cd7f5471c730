using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Compose;

/// <summary>
/// The Docker Engine API calls the Docker discovery plugin makes, read from its source
/// (plugins/Discovery.Docker): each path literal with its method, as <c>METHOD /path</c> with every
/// interpolated part written <c>{id}</c> and the version prefix and query left out. The documents
/// that list the calls (SECURITY.md, deploy/compose/socket-proxy.yml) are compared with this.
/// </summary>
internal static partial class DockerApiCalls
{
    /// <summary>The Engine API's top-level sections (the socket proxy's switches, PING for <c>_ping</c>).</summary>
    public static readonly string[] Sections =
        ["_ping", "version", "info", "containers", "exec", "events", "images", "volumes", "networks", "build", "commit", "auth",
         "distribution", "grpc", "session", "swarm", "nodes", "services", "tasks", "secrets", "configs", "plugins", "system"];

    /// <summary>Every call in the plugin's source; fails the test when a path's method cannot be told.</summary>
    public static IReadOnlySet<string> FromClientSource()
    {
        var calls = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "plugins", "Discovery.Docker"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                foreach (Match literal in PathLiteral().Matches(lines[i]))
                {
                    if (!Sections.Contains(literal.Groups["section"].Value)) continue;
                    var path = "/" + Interpolation().Replace(literal.Groups["section"].Value + literal.Groups["rest"].Value, "{id}");
                    var method = literal.Groups["method"].Success ? literal.Groups["method"].Value : MethodNear(lines, i);
                    Assert.That(method, Is.Not.Null, $"the HTTP method of {path} in {file}:{i + 1}");
                    calls.Add($"{method} {path}");
                }
            }
        }
        return calls;
    }

    /// <summary>The calls a Markdown or YAML text lists as <c>METHOD /path</c>, with <c>{anything}</c> written <c>{id}</c>.</summary>
    public static IReadOnlySet<string> ListedIn(string text) =>
        new SortedSet<string>(ListedCall().Matches(text).Select(m => $"{m.Groups[1].Value} {Interpolation().Replace(m.Groups[2].Value, "{id}")}"), StringComparer.Ordinal);

    /// <summary>The proxy's switch for a call: PING, VERSION, CONTAINERS, ...</summary>
    public static string Section(string call)
    {
        var section = call.Split(' ')[1].Split('/')[1];
        return section == "_ping" ? "PING" : section.ToUpperInvariant();
    }

    /// <summary>The method on this line or the next (a path built on one line, its request on the next); GetAsync is GET.</summary>
    private static string? MethodNear(string[] lines, int index)
    {
        foreach (var line in lines.Skip(index).Take(2))
        {
            if (HttpMethod().Match(line) is { Success: true } m) return m.Groups[1].Value.ToUpperInvariant();
            if (line.Contains("GetAsync<", StringComparison.Ordinal)) return "GET";
        }
        return null;
    }

    [GeneratedRegex("""\$?"(?:(?<method>GET|POST|PUT|DELETE|HEAD) )?/?(?:v\{[^}]+\}/)?(?<section>[a-z_]+)(?<rest>(?:/(?:\{[^}]+\}|[a-z_]+))*)(?=[?" ])""")]
    private static partial Regex PathLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"HttpMethod\.(Get|Post|Put|Delete|Head)\b")]
    private static partial Regex HttpMethod();

    [GeneratedRegex(@"\b(GET|POST|PUT|DELETE|HEAD)\s+(/[A-Za-z_{}/]+)")]
    private static partial Regex ListedCall();
}
