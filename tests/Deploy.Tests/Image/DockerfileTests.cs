using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Image;

/// <summary>
/// deploy/Dockerfile without building it (the official .NET images cannot be pulled here): the
/// stages, and that what it shares with the Image target agrees with the project.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Text = File.ReadAllText(SharedBlock.DockerfilePath);

    [Test]
    public void Stages_BuildOnSdk_RunOnAspNetWithoutSdk()
    {
        var froms = FromLine().Matches(Text).Select(m => m.Groups[1].Value).ToList();

        Assert.That(froms, Has.Count.EqualTo(2));
        Assert.That(froms[0], Does.StartWith("mcr.microsoft.com/dotnet/sdk:"));
        Assert.That(froms[^1], Does.StartWith("mcr.microsoft.com/dotnet/aspnet:"), "the final stage is the runtime image, no SDK");
        Assert.That(Text, Does.Contain("libzstd1"), "libzstd for the zstd codec");
        Assert.That(Text, Does.Not.Match("postgresql-client|mariadb-client|mysql-client|mongodb"), "dumps run inside the database containers");
    }

    [Test]
    public void PublishOutput_CopiedFromWhereThePublishTargetWritesIt()
    {
        var cake = File.ReadAllText(Path.Combine(RepoPaths.Root, "build.cake"));

        Assert.That(Text, Does.Contain("dotnet cake --target=Publish"));
        Assert.That(cake, Does.Contain("artifacts.Combine(\"publish\")"));
        Assert.That(Text, Does.Contain("COPY --from=build /src/artifacts/publish/ /app/"));
    }

    [Test]
    public void SharedBlock_VersionAndUser_AgreeWithProjectAndLayout()
    {
        var block = SharedBlock.Read();
        var layout = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "image", "layout.sh"));

        Assert.That(block.Lines, Does.Contain($"ARG VERSION={SharedBlock.ProjectVersion()}"));
        Assert.That(block.User, Is.EqualTo($"{Assignment("uid").Match(layout).Groups[1].Value}:{Assignment("gid").Match(layout).Groups[1].Value}"));
        Assert.That(block.User, Does.Not.StartWith("0:").And.Not.StartWith("root"));
        Assert.That(block.Healthcheck, Is.EqualTo(new[] { "/app/baktainer", "health" }));
    }

    private static Regex Assignment(string name) => new($"^{name}=(\\d+)$", RegexOptions.Multiline);

    [GeneratedRegex(@"^FROM\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex FromLine();
}
