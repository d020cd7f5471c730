using Baktainer.Tests.Shared;

namespace EndToEnd.Tests.Plugins;

/// <summary>
/// The Redis sample's own unit tests (samples/Engines.Redis.Tests: the RDB check and its CRC-64 on real
/// redis-server output), built as the sample is, against the Baktainer.Abstractions package from the
/// folder feed, and run with plain <c>dotnet test</c>.
/// </summary>
public sealed class RedisSampleUnitTests
{
    [Test]
    public async Task SampleTests_BuiltAgainstThePackage_AllPass()
    {
        using var work = new TempFolder("bt-redis-unit");
        _ = ThirdPartyPackage.AbstractionsPackage;
        var samples = Path.Combine(RepoPaths.Root, "samples");
        foreach (var leftover in new[] { "Engines.Redis", "Engines.Redis.Tests" }.SelectMany(p => new[] { "bin", "obj" }.Select(d => Path.Combine(samples, p, d))).Where(Directory.Exists))
            Directory.Delete(leftover, recursive: true);

        var (code, output) = await ThirdPartyPackage.DotnetAsync(Path.Combine(samples, "Engines.Redis.Tests"), Path.Combine(work.Path, "nuget"), "test", "-c", "Release");
        await TestContext.Out.WriteLineAsync(output);

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Match(@"Failed:\s+0,\s+Passed:\s+[1-9]"));
        Assert.That(output, Does.Not.Contain("warning"));
    }
}
