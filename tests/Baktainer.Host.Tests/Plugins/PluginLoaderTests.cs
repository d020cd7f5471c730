using System.Runtime.Loader;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Host.Plugins;
using Baktainer.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Baktainer.Host.Tests.Plugins;

public sealed class PluginLoaderTests
{
    private TempFolder _pluginDir = null!;

    [SetUp]
    public void SetUp() => _pluginDir = new TempFolder("bt-plugins");

    [TearDown]
    public void TearDown() => _pluginDir.Dispose();

    private (IReadOnlyList<LoadedPlugin> Plugins, ServiceProvider Services) Load()
    {
        var services = new ServiceCollection();
        var plugins = new PluginLoader(NullLogger.Instance).LoadAll(_pluginDir.Path, services, new ConfigurationBuilder().Build());
        return (plugins, services.BuildServiceProvider());
    }

    internal static async Task<string> DumpOf(IBackupStrategy strategy)
    {
        var target = new BackupTarget("id", "test", "test", new Dictionary<string, string>(), new TargetSettings(), [], TargetStatus.Ready, Substitute.For<ITargetShell>());
        using var output = new MemoryStream();
        await strategy.BackupAsync(target, output, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    [Test]
    public async Task LoadAll_TwoVersionsOfOneDependency_EachPluginSeesItsOwn()
    {
        PluginFolders.Copy(PluginFolders.JsonOld, _pluginDir.Path);
        PluginFolders.Copy(PluginFolders.JsonNew, _pluginDir.Path);

        var (plugins, services) = Load();
        using var _ = services;

        Assert.That(plugins.Select(p => (p.Id, p.State)), Is.EquivalentTo(new[] { (PluginFolders.JsonOld, PluginState.Loaded), (PluginFolders.JsonNew, PluginState.Loaded) }));
        var strategies = services.GetServices<IBackupStrategy>().ToDictionary(s => s.Engine);
        Assert.That(await DumpOf(strategies["json-old"]), Is.EqualTo("""{"engine":"json-old","newtonsoft":"12.0.0.0"}"""));
        Assert.That(await DumpOf(strategies["json-new"]), Is.EqualTo("""{"engine":"json-new","newtonsoft":"13.0.0.0"}"""));
    }

    [Test]
    public async Task LoadAll_ContractTypes_IdenticalAcrossContexts()
    {
        PluginFolders.Copy(PluginFolders.JsonOld, _pluginDir.Path);
        PluginFolders.Copy(PluginFolders.JsonNew, _pluginDir.Path);
        var (_, services) = Load();
        using var __ = services;

        var strategies = services.GetServices<IBackupStrategy>().ToList();
        Assert.That(strategies, Has.Count.EqualTo(2));
        foreach (var strategy in strategies) await DumpOf(strategy); // loads each plugin's Newtonsoft.Json
        var contexts = strategies.Select(s => AssemblyLoadContext.GetLoadContext(s.GetType().Assembly)!).ToList();
        Assert.That(contexts.Select(c => c.Name), Is.EquivalentTo(new[] { "plugin:TestPlugin.JsonOld", "plugin:TestPlugin.JsonNew" }));
        Assert.That(contexts.Distinct().Count(), Is.EqualTo(2), "one load context per plugin folder");
        foreach (var strategy in strategies)
        {
            var contract = strategy.GetType().GetInterfaces().Single(i => i.Name == nameof(IBackupStrategy));
            Assert.That(contract, Is.SameAs(typeof(IBackupStrategy)));
        }
        Assert.That(AssemblyLoadContext.GetLoadContext(typeof(IBackupStrategy).Assembly), Is.SameAs(AssemblyLoadContext.Default));
        var newtonsoftCopies = contexts.SelectMany(c => c.Assemblies).Where(a => a.GetName().Name == "Newtonsoft.Json").Select(a => a.GetName().Version!.Major);
        Assert.That(newtonsoftCopies, Is.EquivalentTo(new[] { 12, 13 }));
    }

    [Test]
    public void LoadAll_MissingAssembly_ReportedAndOthersLoad()
    {
        var broken = PluginFolders.Copy(PluginFolders.JsonOld, _pluginDir.Path);
        File.Delete(Path.Combine(broken, "Baktainer.TestPlugin.JsonOld.dll"));
        PluginFolders.Copy(PluginFolders.JsonNew, _pluginDir.Path);

        var (plugins, services) = Load();
        using var _ = services;

        var failed = plugins.Single(p => p.Id == PluginFolders.JsonOld);
        Assert.That(failed.State, Is.EqualTo(PluginState.Failed));
        Assert.That(failed.Error, Does.Contain("names assembly 'Baktainer.TestPlugin.JsonOld.dll', which is not in the folder"));
        Assert.That(services.GetServices<IBackupStrategy>().Select(s => s.Engine), Is.EqualTo(new[] { "json-new" }));
    }

    [TestCase("{ this is not json", "plugin.json is not valid JSON")]
    [TestCase("""{ "id": "x", "version": "1.0.0", "assembly": "../evil.dll", "abstractions": 1 }""", "field 'assembly' must be a .dll file name in the plugin folder")]
    [TestCase("""{ "version": "1.0.0", "assembly": "a.dll", "abstractions": 1 }""", "field 'id' is missing")]
    [TestCase("""{ "id": "TestPlugin.JsonOld", "version": "1.0.0", "assembly": "Baktainer.TestPlugin.JsonOld.dll", "abstractions": 99 }""", "targets Baktainer.Abstractions 99.x but this host provides 1.x")]
    public void LoadAll_BadManifest_ReportedAndOthersLoad(string manifest, string reason)
    {
        var broken = PluginFolders.Copy(PluginFolders.JsonOld, _pluginDir.Path, "Broken");
        File.WriteAllText(Path.Combine(broken, "plugin.json"), manifest);
        PluginFolders.Copy(PluginFolders.JsonNew, _pluginDir.Path);

        var (plugins, services) = Load();
        using var _ = services;

        var failed = plugins.Single(p => p.Folder == broken);
        Assert.That(failed.State, Is.EqualTo(PluginState.Failed));
        Assert.That(failed.Error, Does.Contain(reason));
        Assert.That(plugins.Single(p => p.Id == PluginFolders.JsonNew).State, Is.EqualTo(PluginState.Loaded));
        Assert.That(services.GetServices<IBackupStrategy>().Select(s => s.Engine), Is.EqualTo(new[] { "json-new" }));
    }

    [Test]
    public void LoadAll_NoManifest_Reported()
    {
        var broken = PluginFolders.Copy(PluginFolders.JsonOld, _pluginDir.Path);
        File.Delete(Path.Combine(broken, "plugin.json"));
        var (plugins, services) = Load();
        using var _ = services;
        Assert.That(plugins.Single().Error, Does.Contain("no plugin.json"));
    }

    [Test]
    public void LoadAll_PluginThrowsWhileRegistering_SkippedWithNothingLeftBehind()
    {
        PluginFolders.Copy(PluginFolders.Throwing, _pluginDir.Path);
        PluginFolders.Copy(PluginFolders.JsonNew, _pluginDir.Path);

        var (plugins, services) = Load();
        using var _ = services;

        var failed = plugins.Single(p => p.Id == PluginFolders.Throwing);
        Assert.That(failed.State, Is.EqualTo(PluginState.Failed));
        Assert.That(failed.Error, Is.EqualTo("plugin 'TestPlugin.Throwing' failed while registering: InvalidOperationException: test plugin failed on purpose while registering"));
        Assert.That(services.GetServices<IBackupStrategy>().Select(s => s.Engine), Is.EqualTo(new[] { "json-new" }), "the throwing plugin's partial registration was discarded");
    }

    [TestCase(LogLevel.Debug, true)]
    [TestCase(LogLevel.Information, false)]
    public void LoadAll_RegistrationThrows_LogsErrorAndExceptionStackOnlyAtDebug(LogLevel minimum, bool stackExpected)
    {
        PluginFolders.Copy(PluginFolders.Throwing, _pluginDir.Path);
        var log = new RecordingLoggerProvider { MinimumLevel = minimum };

        new PluginLoader(log.CreateLogger("test")).LoadAll(_pluginDir.Path, new ServiceCollection(), new ConfigurationBuilder().Build());

        Assert.That(log.Lines.Where(l => l.Level == LogLevel.Error).Select(l => l.Message).Single(),
            Does.Contain("TestPlugin.Throwing").And.Contain("test plugin failed on purpose").And.Contain("System.InvalidOperationException"));
        var logged = log.Exceptions.Select(e => e.Exception).ToList();
        Assert.That(logged.Count, Is.EqualTo(stackExpected ? 1 : 0));
        if (stackExpected) Assert.That(logged[0].StackTrace, Does.Contain("ThrowingPlugin.ConfigureServices"));
    }

    [Test]
    public void LoadAll_LoadedPlugin_ListsItsContracts()
    {
        PluginFolders.Copy(PluginFolders.JsonOld, _pluginDir.Path);
        var (plugins, services) = Load();
        using var _ = services;
        Assert.That(plugins.Single().Contracts, Is.EqualTo(new[] { "IBackupStrategy (engine json-old)" }));
        Assert.That(plugins.Single().Version, Is.EqualTo("1.0.0"));
    }

    [Test]
    public void LoadAll_MissingPluginFolder_EmptyNotThrow()
    {
        var services = new ServiceCollection();
        var plugins = new PluginLoader(NullLogger.Instance).LoadAll(_pluginDir.Combine("absent"), services, new ConfigurationBuilder().Build());
        Assert.That(plugins, Is.Empty);
    }
}
