using System.IO.Compression;
using Baktainer.Abstractions.Engines;
using Baktainer.Host.Plugins;
using Baktainer.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baktainer.Host.Tests.Plugins;

public sealed class PluginInstallerTests
{
    private TempFolder _work = null!;
    private string PluginDir => _work.Combine("plugins");

    [SetUp]
    public void SetUp() => _work = new TempFolder("bt-install");

    [TearDown]
    public void TearDown() => _work.Dispose();

    [Test]
    public async Task InstallFile_FatPackage_InstallsAndThenLoads()
    {
        var (manifest, folder) = new PluginInstaller(PluginDir).InstallFile(PluginFolders.Package(PluginFolders.JsonOld));

        Assert.That(manifest.Id, Is.EqualTo(PluginFolders.JsonOld));
        Assert.That(folder, Is.EqualTo(Path.Combine(PluginDir, PluginFolders.JsonOld)));
        Assert.That(File.Exists(Path.Combine(folder, "Newtonsoft.Json.dll")), Is.True, "private dependency bundled in the package");

        var services = new ServiceCollection();
        var plugins = new PluginLoader(NullLogger.Instance).LoadAll(PluginDir, services, new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();
        Assert.That(plugins.Single().State, Is.EqualTo(PluginState.Loaded));
        Assert.That(await PluginLoaderTests.DumpOf(provider.GetServices<IBackupStrategy>().Single()), Does.Contain("\"newtonsoft\":\"12.0.0.0\""));
        Assert.That(Directory.GetDirectories(PluginDir).Select(Path.GetFileName), Is.EqualTo(new[] { PluginFolders.JsonOld }), "no staging folders left");
    }

    [Test]
    public void InstallFromSource_ByPluginOrPackageId_PicksThePackage()
    {
        var feed = _work.Combine("feed");
        Directory.CreateDirectory(feed);
        File.Copy(PluginFolders.Package(PluginFolders.JsonOld), Path.Combine(feed, "a.nupkg"));
        File.Copy(PluginFolders.Package(PluginFolders.JsonNew), Path.Combine(feed, "b.nupkg"));
        File.WriteAllText(Path.Combine(feed, "junk.nupkg"), "not a zip");

        var installer = new PluginInstaller(PluginDir);
        Assert.That(installer.InstallFromSource("testplugin.jsonnew", feed).Manifest.Id, Is.EqualTo(PluginFolders.JsonNew));
        Assert.That(installer.InstallFromSource("Baktainer.TestPlugin.JsonOld", feed).Manifest.Id, Is.EqualTo(PluginFolders.JsonOld));
        var missing = Assert.Throws<PluginException>(() => installer.InstallFromSource("Nope", feed));
        Assert.That(missing!.Message, Does.Contain("no plugin package 'Nope'"));
    }

    [Test]
    public void InstallFile_WrongAbstractionsVersion_RefusedAndOldVersionKept()
    {
        var installer = new PluginInstaller(PluginDir);
        installer.InstallFile(PluginFolders.Package(PluginFolders.JsonOld));
        var bad = RewriteManifest(PluginFolders.Package(PluginFolders.JsonOld),
            """{ "id": "TestPlugin.JsonOld", "version": "2.0.0", "assembly": "Baktainer.TestPlugin.JsonOld.dll", "abstractions": 2 }""");

        var e = Assert.Throws<PluginException>(() => installer.InstallFile(bad));

        Assert.That(e!.Message, Does.Contain("targets Baktainer.Abstractions 2.x but this host provides 1.x"));
        Assert.That(File.ReadAllText(Path.Combine(PluginDir, PluginFolders.JsonOld, "plugin.json")), Does.Contain("\"version\": \"1.0.0\""));
    }

    [Test]
    public void InstallFile_OlderOverNewer_RefusedAndNewerKept()
    {
        var installer = new PluginInstaller(PluginDir);
        installer.InstallFile(PluginFolders.Package(PluginFolders.JsonOld));
        var older = RewriteManifest(PluginFolders.Package(PluginFolders.JsonOld),
            """{ "id": "TestPlugin.JsonOld", "version": "0.9.0", "assembly": "Baktainer.TestPlugin.JsonOld.dll", "abstractions": 1 }""");

        var e = Assert.Throws<PluginException>(() => installer.InstallFile(older));

        Assert.That(e!.Message, Does.Contain("plugin 'TestPlugin.JsonOld' 1.0.0 is installed, which is newer than 0.9.0").And.Contain("nothing was changed"));
        Assert.That(File.ReadAllText(Path.Combine(PluginDir, PluginFolders.JsonOld, "plugin.json")), Does.Contain("\"version\": \"1.0.0\""));
    }

    [Test]
    public void InstallFile_NewerOverOlder_Replaces()
    {
        var installer = new PluginInstaller(PluginDir);
        installer.InstallFile(PluginFolders.Package(PluginFolders.JsonOld));
        var newer = RewriteManifest(PluginFolders.Package(PluginFolders.JsonOld),
            """{ "id": "TestPlugin.JsonOld", "version": "1.2.0", "assembly": "Baktainer.TestPlugin.JsonOld.dll", "abstractions": 1 }""");
        Assert.That(installer.InstallFile(newer).Manifest.Version, Is.EqualTo("1.2.0"));
    }

    [Test]
    public void InstallFile_ManifestNamesMissingAssembly_Refused()
    {
        var bad = RewriteManifest(PluginFolders.Package(PluginFolders.JsonOld),
            """{ "id": "TestPlugin.JsonOld", "version": "1.0.0", "assembly": "Other.dll", "abstractions": 1 }""");
        var e = Assert.Throws<PluginException>(() => new PluginInstaller(PluginDir).InstallFile(bad));
        Assert.That(e!.Message, Does.Contain("names assembly 'Other.dll', which is not in lib/net10.0/"));
        Assert.That(Directory.Exists(PluginDir) ? Directory.GetFileSystemEntries(PluginDir) : [], Is.Empty);
    }

    [Test]
    public void InstallFile_NotAPackage_Refused()
    {
        var junk = _work.Combine("junk.nupkg");
        File.WriteAllText(junk, "hello");
        var e = Assert.Throws<PluginException>(() => new PluginInstaller(PluginDir).InstallFile(junk));
        Assert.That(e!.Message, Does.Contain("is not a readable .nupkg"));
    }

    [Test]
    public void InstallFile_EntryEscapingFolder_Refused()
    {
        var evil = RewriteManifest(PluginFolders.Package(PluginFolders.JsonOld), null, extraEntry: "lib/net10.0/../../../escaped.txt");
        var e = Assert.Throws<PluginException>(() => new PluginInstaller(PluginDir).InstallFile(evil));
        Assert.That(e!.Message, Does.Contain("outside the plugin folder"));
        Assert.That(File.Exists(Path.Combine(_work.Path, "escaped.txt")), Is.False);
    }

    private string RewriteManifest(string package, string? manifest, string? extraEntry = null)
    {
        var copy = _work.Combine($"{Guid.NewGuid():N}.nupkg");
        File.Copy(package, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        if (manifest is not null)
        {
            zip.GetEntry("lib/net10.0/plugin.json")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("lib/net10.0/plugin.json").Open());
            writer.Write(manifest);
        }
        if (extraEntry is not null)
        {
            using var writer = new StreamWriter(zip.CreateEntry(extraEntry).Open());
            writer.Write("x");
        }
        return copy;
    }
}
