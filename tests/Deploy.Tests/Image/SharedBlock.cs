using System.Text.Json;
using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Image;

/// <summary>The block of deploy/Dockerfile that both image builds share: user, entrypoint, health check.</summary>
internal sealed partial record SharedBlock(string User, IReadOnlyList<string> Entrypoint, IReadOnlyList<string> Healthcheck, IReadOnlyList<string> Lines)
{
    public static string DockerfilePath => Path.Combine(RepoPaths.Root, "deploy", "Dockerfile");

    public static SharedBlock Read()
    {
        var lines = File.ReadAllLines(DockerfilePath)
            .SkipWhile(l => !l.StartsWith("# >>> shared", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("# <<< shared", StringComparison.Ordinal)).ToList();
        string Instruction(string name) => lines.Single(l => l.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..];
        var health = Instruction("HEALTHCHECK");
        return new SharedBlock(Instruction("USER"), Json(Instruction("ENTRYPOINT")), Json(health[(health.IndexOf("CMD ", StringComparison.Ordinal) + 4)..]), lines);
    }

    /// <summary>The version in Directory.Build.props, which both builds put in the version label.</summary>
    public static string ProjectVersion() =>
        Version().Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"))).Groups[1].Value;

    private static List<string> Json(string array) => JsonSerializer.Deserialize<List<string>>(array)!;

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex Version();
}
