using Baktainer.Abstractions.Labels;
using Baktainer.Host.Tests.Plugins;
using Baktainer.Tests.Shared;

namespace Baktainer.Host.Tests.Cli;

public sealed class BaktainerCliTests
{
    private TempFolder _work = null!;
    private Dictionary<string, string> _env = null!;

    [SetUp]
    public void SetUp()
    {
        _work = new TempFolder("bt-cli");
        _env = new() { ["BT_PLUGIN_DIR"] = _work.Combine("plugins") };
    }

    [TearDown]
    public void TearDown() => _work.Dispose();

    [Test]
    public async Task Labels_PrintsReferenceFromSchema()
    {
        var (code, output, _) = await CliRunner.Run(_env, _work.Path, "labels");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Is.EqualTo(LabelReference.ToText(LabelCatalog.Empty)));
    }

    [Test]
    public async Task Labels_Markdown_PrintsTable()
    {
        var (_, output, _) = await CliRunner.Run(_env, _work.Path, "labels", "--markdown");
        Assert.That(output, Does.StartWith("| Label |").And.Contain("| `baktainer.db.engine` |"));
    }

    [TestCase("bogus")]
    [TestCase("backup", "--no-such-option")]
    [TestCase("backups", "--json", "extra")]
    [TestCase("--log-format", "xml", "labels")]
    public async Task Parse_BadUsage_Exit2(params string[] args)
    {
        var (code, _, error) = await CliRunner.Run(_env, _work.Path, args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("error:"));
    }

    [Test]
    public async Task Bare_ShowsHelpExit0()
    {
        var (code, output, error) = await CliRunner.Run(_env, _work.Path);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("Usage:").And.Contain("backup").And.Contain("restore"));
    }

    [TestCase("bakup", "backup")]
    [TestCase("verfy", "verify")]
    [TestCase("restor", "restore")]
    public async Task UnknownCommand_Exit2WithDidYouMean(string typed, string meant)
    {
        var (code, _, error) = await CliRunner.Run(_env, _work.Path, typed);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain($"unknown command '{typed}'; did you mean '{meant}'?"));
    }

    [Test]
    public async Task UnknownCommand_NothingClose_ListsCommands()
    {
        var (_, _, error) = await CliRunner.Run(_env, _work.Path, "frobnicate");
        Assert.That(error, Does.Contain("unknown command 'frobnicate'; commands: run, backup"));
    }

    [Test]
    public async Task Verify_NothingStored_Exit1UnlessAllowed()
    {
        _env["BT_BACKUP_DIR"] = _work.Combine("backups");
        _env["BT_PLUGIN_DIR"] = RepoPaths.BundledPlugins;
        var (code, output, _) = await CliRunner.Run(_env, _work.Path, "verify", "--all");
        Assert.That(code, Is.EqualTo(1), "nothing verified is not a pass");
        Assert.That(output, Does.Contain("nothing was checked"));
        Assert.That((await CliRunner.Run(_env, _work.Path, "verify", "--all", "--allow-empty")).Code, Is.EqualTo(0));
    }

    [Test]
    public async Task VerifyLatest_WithoutTarget_Exit2()
    {
        _env["BT_BACKUP_DIR"] = _work.Combine("backups");
        _env["BT_PLUGIN_DIR"] = RepoPaths.BundledPlugins;
        var (code, _, error) = await CliRunner.Run(_env, _work.Path, "verify", "latest");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("'latest' needs --target"));
    }

    [Test]
    public async Task Validate_BackupDirIsAFile_Exit2NamingIt()
    {
        _env["BT_PLUGIN_DIR"] = RepoPaths.BundledPlugins;
        _env["BT_BACKUP_DIR"] = "/etc/hostname";
        var (code, output, error) = await CliRunner.Run(_env, _work.Path, "validate", "--offline");
        Assert.That(code, Is.EqualTo(2), output + error);
        Assert.That(error, Does.Contain("'/etc/hostname' is a file, not a folder").And.Contain("BT_BACKUP_DIR"));
        Assert.That(error, Does.Not.Contain("Could not find a part of the path"));
    }

    [Test]
    public async Task Validate_DockerUnreachable_Exit2UnlessOffline()
    {
        _env["BT_PLUGIN_DIR"] = RepoPaths.BundledPlugins;
        _env["BT_BACKUP_DIR"] = _work.Combine("backups");
        _env["BT_DOCKER_URL"] = "unix:///tmp/bt-h9-nowhere/docker.sock";
        var (code, output, error) = await CliRunner.Run(_env, _work.Path, "validate");
        Assert.That(code, Is.EqualTo(2), output + error);
        Assert.That(error, Does.Contain("discovery 'docker'").And.Contain("unix:///tmp/bt-h9-nowhere/docker.sock"));
        Assert.That(output, Does.Not.Contain("\nvalid"));
        var offline = await CliRunner.Run(_env, _work.Path, "validate", "--offline");
        Assert.That(offline.Code, Is.EqualTo(0), offline.Out + offline.Error);
    }

    [Test]
    public async Task Validate_FileModeWithStorageEntries_Exit2RatherThanIgnored()
    {
        _env["BT_PLUGIN_DIR"] = RepoPaths.BundledPlugins;
        _env["BT_FILE_MODE"] = "0640";
        File.WriteAllText(_work.Combine("baktainer.json"), $$"""{ "Storage": [ { "Name": "main", "Type": "local", "Path": "{{_work.Combine("b")}}" } ] }""");
        var (code, _, error) = await CliRunner.Run(_env, _work.Path, "validate", "--offline");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("BT_FILE_MODE").And.Contain("default local storage only"));
    }

    [Test]
    public async Task Validate_InvalidSetting_Exit2NamingIt()
    {
        _env["BT_THREADS"] = "many";
        var (code, _, error) = await CliRunner.Run(_env, _work.Path, "validate");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("BT_THREADS (Threads) has invalid value \"many\""));
    }

    [Test]
    public async Task Validate_NoPluginForDefaultStorage_Exit2NamingType()
    {
        var (code, _, error) = await CliRunner.Run(_env, _work.Path, "validate");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("Storage:default:Type is \"local\" but no loaded plugin provides that storage type"));
    }

    [Test]
    public async Task Validate_BrokenPlugin_Exit2NamingIt()
    {
        PluginFolders.Copy(PluginFolders.Throwing, _env["BT_PLUGIN_DIR"]);
        var (code, output, error) = await CliRunner.Run(_env, _work.Path, "validate");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("plugin TestPlugin.Throwing: FAILED"));
        Assert.That(error, Does.Contain("test plugin failed on purpose"));
    }

    [Test]
    public async Task Validate_MissingConfigFile_Exit2()
    {
        var (code, _, error) = await CliRunner.Run(_env, _work.Path, "validate", "--config", "missing.json");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("missing.json").And.Contain("does not exist"));
    }

    [Test]
    public async Task PluginsInstallThenList_ShowsLoadedPluginWithContracts()
    {
        var install = await CliRunner.Run(_env, _work.Path, "plugins", "install", PluginFolders.Package(PluginFolders.JsonNew));
        Assert.That(install.Code, Is.EqualTo(0), install.Error);
        Assert.That(install.Out, Does.Contain("installed plugin TestPlugin.JsonNew 1.0.0"));

        var (code, output, _) = await CliRunner.Run(_env, _work.Path, "plugins", "list", "--json");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("\"id\": \"TestPlugin.JsonNew\"").And.Contain("\"state\": \"loaded\"").And.Contain("IBackupStrategy (engine json-new)"));

        var table = await CliRunner.Run(_env, _work.Path, "plugins", "list");
        Assert.That(table.Out, Does.Contain("TestPlugin.JsonNew").And.Contain("loaded"));
    }

    [Test]
    public async Task Labels_PluginDeclaresLabel_ListedWithItsEngine()
    {
        Assert.That((await CliRunner.Run(_env, _work.Path, "plugins", "install", PluginFolders.Package(PluginFolders.JsonNew))).Code, Is.EqualTo(0));

        var (code, output, _) = await CliRunner.Run(_env, _work.Path, "labels");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("baktainer.json-new.indent  (plugin)\n    Spaces to indent the test dump with.\n    valid: a whole number from 0 to 8\n    default: 0"));
        Assert.That(output, Does.Contain("baktainer.db.engine\n").And.Contain("valid: one of json-new\n"));
    }

    [Test]
    public async Task PluginsList_InstalledPlugin_ProvidesUserFacingNames()
    {
        Assert.That((await CliRunner.Run(_env, _work.Path, "plugins", "install", PluginFolders.Package(PluginFolders.JsonNew))).Code, Is.EqualTo(0));

        var json = await CliRunner.Run(_env, _work.Path, "plugins", "list", "--json");
        var table = await CliRunner.Run(_env, _work.Path, "plugins", "list");

        Assert.That(json.Out, Does.Contain("\"provides\": [\n      \"engine json-new\",\n      \"label baktainer.json-new.indent\"\n    ]"), json.Out);
        Assert.That(table.Out, Does.Contain("engine json-new").And.Contain("label baktainer.json-new.indent"));
    }

    [Test]
    public async Task PluginsInstall_IdWithoutSource_Exit2SaysSourceNeeded()
    {
        var (code, _, error) = await CliRunner.Run(_env, _work.Path, "plugins", "install", "Example.Baktainer.Cat");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("'Example.Baktainer.Cat' is a package id, which needs --source <folder>"));
        Assert.That(Directory.Exists(_env["BT_PLUGIN_DIR"]), Is.False, "nothing was created");
    }

    [Test]
    public async Task PluginsRemove_InstalledPlugin_GoneFromFolderAndList()
    {
        Assert.That((await CliRunner.Run(_env, _work.Path, "plugins", "install", PluginFolders.Package(PluginFolders.JsonNew))).Code, Is.EqualTo(0));

        var (code, output, error) = await CliRunner.Run(_env, _work.Path, "plugins", "remove", "TestPlugin.JsonNew");

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("removed plugin TestPlugin.JsonNew"));
        Assert.That(Directory.GetFileSystemEntries(_env["BT_PLUGIN_DIR"]), Is.Empty);
        Assert.That((await CliRunner.Run(_env, _work.Path, "plugins", "list")).Out, Does.Not.Contain("TestPlugin.JsonNew"));
    }

    [Test]
    public async Task PluginsRemove_UnknownId_Exit1NamingInstalled()
    {
        Assert.That((await CliRunner.Run(_env, _work.Path, "plugins", "install", PluginFolders.Package(PluginFolders.JsonNew))).Code, Is.EqualTo(0));
        var (code, _, error) = await CliRunner.Run(_env, _work.Path, "plugins", "remove", "Nope");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("no plugin 'Nope' is installed").And.Contain("installed: TestPlugin.JsonNew"));
    }

    [Test]
    public async Task PluginsInstall_FromSourceFolder_Installs()
    {
        var (code, output, error) = await CliRunner.Run(_env, _work.Path, "plugins", "install", "TestPlugin.JsonOld", "--source", RepoPaths.TestPackages);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(Directory.Exists(Path.Combine(_env["BT_PLUGIN_DIR"], "TestPlugin.JsonOld")), Is.True, output);
    }

    [Test]
    public async Task PluginsInstall_MissingFile_Exit1WithReason()
    {
        var (code, _, error) = await CliRunner.Run(_env, _work.Path, "plugins", "install", "nothing.nupkg");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("nothing.nupkg' does not exist"));
    }
}
