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
        var plugin = Path.Combine(work.Path, "extra", "Example.Baktainer.Cat");
        await ThirdPartyPackage.PublishReadyToRunAsync(Path.Combine(RepoPaths.Root, "tests", "ExternalPlugins", "Engines.Cat"), work.Path, plugin);

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
