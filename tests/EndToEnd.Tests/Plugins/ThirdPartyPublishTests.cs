using System.Runtime.InteropServices;
using Baktainer.Tests.Shared;

namespace EndToEnd.Tests.Plugins;

/// <summary>
/// The other way to ship a plugin: <c>dotnet publish -r &lt;rid&gt; -p:PublishReadyToRun=true</c> of the
/// project outside the solution (tests/ExternalPlugins/Engines.Cat, Baktainer.Abstractions from the
/// folder feed), the publish folder copied into the extra plugin folder as it is.
/// </summary>
public sealed class ThirdPartyPublishTests
{
    [Test]
    public async Task CatEngine_PublishedReadyToRun_HasNoHostAssembliesAndLoadsFromTheExtraFolder()
    {
        using var work = new TempFolder("bt-thirdparty-publish");
        _ = ThirdPartyPackage.AbstractionsPackage;
        var project = Path.Combine(RepoPaths.Root, "tests", "ExternalPlugins", "Engines.Cat");
        foreach (var leftover in new[] { "bin", "obj" }.Select(d => Path.Combine(project, d)).Where(Directory.Exists))
            Directory.Delete(leftover, recursive: true);
        var plugin = Path.Combine(work.Path, "extra", "Example.Baktainer.Cat");

        var (code, text) = await ThirdPartyPackage.DotnetAsync(project, Path.Combine(work.Path, "nuget"),
            "publish", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", plugin);
        await TestContext.Out.WriteLineAsync($"dotnet publish -> {code}\n{text}");
        Assert.That(code, Is.EqualTo(0), text);
        Assert.That(text, Does.Not.Contain("warning"), "no BTK001: crossgen had the host's contracts to compile against");

        var files = Directory.GetFiles(plugin).Select(Path.GetFileName).ToList();
        Assert.That(files, Does.Contain("plugin.json").And.Contain("Engines.Cat.dll"));
        Assert.That(files.Where(f => f!.StartsWith("Baktainer.Abstractions", StringComparison.Ordinal) || f!.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)),
            Is.Empty, "the host provides its contracts; a plugin's copies would never be loaded");

        var env = new Dictionary<string, string> { ["BT_PLUGIN_EXTRA_DIR"] = Path.GetDirectoryName(plugin)! };
        var list = await BaktainerProcess.RunAsync(env, "plugins", "list");
        Assert.That(list.Code, Is.EqualTo(0), list.Out + list.Error);
        Assert.That(list.Out, Does.Contain("Example.Baktainer.Cat").And.Contain("engine cat (textfile)"));
    }
}
