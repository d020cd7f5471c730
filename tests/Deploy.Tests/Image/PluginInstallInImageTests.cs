using System.Text.Json;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Image;

/// <summary>
/// The second way to add plugins to the image (the first, a mounted folder, is in
/// <see cref="ContainerImageTests"/>): <c>plugins install</c> run by the image into a folder mounted at
/// /app/plugins-extra, which the daemon then mounts read-only and loads as its non-root user.
/// </summary>
[Category("Docker"), NonParallelizable]
public sealed class PluginInstallInImageTests
{
    [Test]
    public async Task PluginsInstall_IntoFolderMountedAtPluginsExtra_LoadedReadOnlyByTheUser()
    {
        var image = await SharedImage.GetAsync();
        var package = Directory.GetFiles(RepoPaths.TestPackages, "Baktainer.TestPlugin.JsonNew.*.nupkg").Single();
        using var extra = new TempFolder("bt-image-plugins-extra");

        var install = await image.RunAsync(["--user", "0:0", "--read-only", "-v", $"{extra.Path}:/app/plugins-extra", "-v", $"{package}:/packages/{Path.GetFileName(package)}:ro"],
            "plugins", "install", $"/packages/{Path.GetFileName(package)}");
        var (code, output, error) = await image.RunAsync(["--read-only", "-v", $"{extra.Path}:/app/plugins-extra:ro"], "plugins", "list", "--json");

        Assert.That(install.Code, Is.EqualTo(0), install.Out + install.Error);
        Assert.That(code, Is.EqualTo(0), error);
        var plugin = JsonDocument.Parse(output).RootElement.EnumerateArray().Single(p => p.GetProperty("folder").GetString()!.StartsWith("/app/plugins-extra/", StringComparison.Ordinal));
        Assert.That(plugin.GetProperty("state").GetString(), Is.EqualTo("loaded"), output);
        Assert.That(Directory.GetDirectories(extra.Path), Has.Length.EqualTo(1), "installed into the mounted folder");
    }
}
