using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Plugins;

/// <summary>
/// A plugin made outside the solution (tests/ExternalPlugins/Engines.Cat: one PackageReference to
/// Baktainer.Abstractions from the folder feed), packed with plain <c>dotnet pack</c>, installed with
/// <c>baktainer plugins install</c>, gives a new engine that a labelled container is backed up and
/// restored with.
/// </summary>
[Category("Docker")]
public sealed class ThirdPartyEngineTests : EndToEndTest
{
    [Test]
    public async Task CatEngine_PackedOutsideTheSolutionAndInstalled_BacksUpAndRestoresAContainer()
    {
        using var work = new TempFolder("bt-thirdparty");
        var package = await ThirdPartyPackage.PackAsync(Path.Combine(RepoPaths.Root, "tests", "ExternalPlugins", "Engines.Cat"), work.Path);
        var pluginDir = ThirdPartyPackage.BundledPluginsCopy(work.Path);
        var env = Backups.Environment(("BT_PLUGIN_DIR", pluginDir));

        var install = await BaktainerProcess.RunAsync(env, "plugins", "install", package);
        Assert.That(install.Code, Is.EqualTo(0), install.Out + install.Error);
        Assert.That(install.Out, Does.Contain("installed plugin Example.Baktainer.Cat 0.3.1"));
        Assert.That(File.ReadAllText(Path.Combine(pluginDir, "Example.Baktainer.Cat", "plugin.json")), Does.Contain("\"abstractions\": 1"));
        Assert.That(Directory.GetFiles(Path.Combine(pluginDir, "Example.Baktainer.Cat")).Select(Path.GetFileName),
            Has.None.EqualTo("Baktainer.Abstractions.dll"), "the host's Abstractions is used, not a copy");

        var container = Track(await TestContainer.StartAsync(TestContainer.UniqueName("cat"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "textfile", ["baktainer.db.name"] = "/data/notes.txt",
        }, null, ["-v", "/data"], "sh", "-c", "printf 'first line\\nsecond line ✓\\n' > /data/notes.txt && exec sleep infinity"));
        await WaitForFileAsync(container);

        var backup = await BaktainerProcess.RunAsync(env, "backup", "--target", container.Name);
        Assert.That(backup.Code, Is.EqualTo(0), backup.Out + backup.Error);
        var (_, manifest) = Backups.SingleBackup();
        Assert.That(manifest.Engine, Is.EqualTo("cat"), "the alias is normalised to the plugin's engine name");

        await container.ExecAsync("sh", "-c", "echo overwritten > /data/notes.txt");
        var restore = await BaktainerProcess.RunAsync(env, "restore", "latest", "--target", container.Name, "--yes");
        Assert.That(restore.Code, Is.EqualTo(0), restore.Out + restore.Error);
        Assert.That(await container.ExecAsync("cat", "/data/notes.txt"), Is.EqualTo("first line\nsecond line ✓"));
        Assert.That(await container.ExecAsync("sh", "-c", "wc -c < /data/notes.txt"), Is.EqualTo("27"), "byte for byte, final newline included");
    }

    private static Task WaitForFileAsync(TestContainer container) =>
        Eventually.HoldsAsync(async () => (await DockerCli.RunAsync("exec", container.Name, "test", "-s", "/data/notes.txt")).Code == 0,
            TimeSpan.FromSeconds(5), "the test file to be written in the container");
}
