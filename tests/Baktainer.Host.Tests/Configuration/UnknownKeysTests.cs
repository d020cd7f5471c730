using Baktainer.Abstractions.Configuration;
using Baktainer.Host.Configuration;
using Baktainer.Tests.Shared;

namespace Baktainer.Host.Tests.Configuration;

public sealed class UnknownKeysTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder("bt-unknown");

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private (LoadedConfiguration Loaded, BaktainerSettings Settings) Read(string json, Dictionary<string, string>? environment = null)
    {
        var path = _folder.Combine("baktainer.json");
        File.WriteAllText(path, json);
        var loaded = ConfigurationSources.Build(path, environment ?? [], _folder.Path);
        var reader = new SettingsReader(loaded);
        var settings = reader.Read();
        Assert.That(reader.Errors, Is.Empty);
        return (loaded, settings);
    }

    [Test]
    public void Check_MisspeltTopLevelKey_NamesKeyFileAndClosestKey()
    {
        var (loaded, _) = Read("""{ "Treads": 3, "Threads": 2 }""");
        Assert.That(UnknownKeys.Check(loaded, []), Is.EqualTo(new[] { "unknown key Treads (in baktainer.json); did you mean Threads?" }));
    }

    [Test]
    public void Check_MisspeltNestedKey_SuggestsSiblingOfItsSection()
    {
        var (loaded, _) = Read("""{ "Retention": { "Dayz": 3 }, "Notify": { "Sucess": true } }""");
        Assert.That(UnknownKeys.Check(loaded, []), Is.EquivalentTo(new[]
        {
            "unknown key Retention:Dayz (in baktainer.json); did you mean Days?",
            "unknown key Notify:Sucess (in baktainer.json); did you mean Success?",
        }));
    }

    [Test]
    public void Check_EnvironmentKey_NamesTheVariable()
    {
        var (loaded, _) = Read("{}", new() { ["Baktainer__CronSecnds"] = "true" });
        Assert.That(UnknownKeys.Check(loaded, []).Single(), Is.EqualTo("unknown key Baktainer__CronSecnds (CronSecnds); did you mean CronSeconds?"));
    }

    [Test]
    public void Check_NothingClose_SaysItIsNoSetting()
    {
        var (loaded, _) = Read("""{ "Colour": "blue" }""");
        Assert.That(UnknownKeys.Check(loaded, []).Single(), Does.StartWith("unknown key Colour (in baktainer.json); not a setting"));
    }

    [Test]
    public void Check_EntryKeyReadByItsPlugin_KnownOtherwiseUnknown()
    {
        var (loaded, settings) = Read("""{ "Storage": [ { "Name": "a", "Type": "t", "Bucket": "b", "Bukcet": "c" } ] }""");
        var entry = new SettingsSection(settings.Storage[0].Settings); // what a plugin's factory does
        entry.Text("Bucket");
        entry.Text("Prefix");

        Assert.That(UnknownKeys.Check(loaded, []), Is.EqualTo(new[] { "unknown key Storage:0:Bukcet (in baktainer.json); did you mean Bucket?" }));
        Assert.That(UnknownKeys.Check(loaded, ["Storage:0"]), Is.Empty, "entries without a plugin are reported once, as such");
    }

    [Test]
    public void Check_PluginSectionOfNoLoadedPlugin_NamesIt()
    {
        var (loaded, _) = Read("""{ "Plugins": { "Compression.Zsd": { "Workers": 2 }, "Compression.Zstd": { "Wrkers": 2 } } }""");
        loaded.Tracked.GetSection("Plugins:Compression.Zstd")["Workers"]?.ToString(); // what the loaded plugin reads

        Assert.That(UnknownKeys.Check(loaded, []), Is.EquivalentTo(new[]
        {
            "Plugins:Compression.Zsd (in baktainer.json) configures plugin 'Compression.Zsd', which is not loaded; did you mean Compression.Zstd?",
            "unknown key Plugins:Compression.Zstd:Wrkers (in baktainer.json); did you mean Workers?",
        }));
    }
}
