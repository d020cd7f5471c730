using Baktainer.Abstractions;
using Baktainer.Abstractions.Configuration;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Abstractions.Tests.Configuration;

public sealed class SettingsSectionTests
{
    private static IConfigurationSection Entry(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create<string, string?>($"Storage:0:{v.Key}", v.Value))).Build().GetSection("Storage:0");

    [Test]
    public void Getters_ValidValues_Parsed()
    {
        var s = new SettingsSection(Entry(("On", "yes"), ("Count", "7"), ("Size", "2.5"), ("Wait", "1h30m"), ("Mode", "Fast"), ("Dir", "/srv/x/../y"), ("Key", "k"), ("Url", "https://h/p")));
        Assert.Multiple(() =>
        {
            Assert.That(s.Boolean("On", false), Is.True);
            Assert.That(s.Integer("Count", 0, 1, 10), Is.EqualTo(7));
            Assert.That(s.Number("Size", 0, 10), Is.EqualTo(2.5));
            Assert.That(s.Duration("Wait", TimeSpan.Zero), Is.EqualTo(TimeSpan.FromMinutes(90)));
            Assert.That(s.Choice("Mode", "fast", "slow"), Is.EqualTo("fast"));
            Assert.That(s.AbsolutePath("Dir"), Is.EqualTo("/srv/y"));
            Assert.That(s.Secret("Key")!.Reveal(), Is.EqualTo("k"));
            Assert.That(s.HttpUrl("Url")!.Host, Is.EqualTo("h"));
            Assert.That(s.Errors, Is.Empty);
        });
    }

    [Test]
    public void Getters_Unset_Fallbacks()
    {
        var s = new SettingsSection(Entry(("Blank", "  ")));
        Assert.That(s.Integer("Count", 4, 1, 10), Is.EqualTo(4));
        Assert.That(s.Boolean("Blank"), Is.Null);
        Assert.That(s.Text("Blank"), Is.Null);
        Assert.That(s.Errors, Is.Empty);
    }

    [Test]
    public void Getters_InvalidValues_EveryErrorNamesFullKeyValueAndExpected()
    {
        var s = new SettingsSection(Entry(("On", "maybe"), ("Count", "99"), ("Wait", "soon"), ("Mode", "medium"), ("Dir", "relative/dir"), ("Url", "ftp://x")), "local storage 'x'");
        s.Boolean("On");
        s.Integer("Count", 1, 10);
        s.Duration("Wait");
        s.Choice("Mode", "fast", "slow");
        s.AbsolutePath("Dir");
        s.HttpUrl("Url");
        s.Required("Path", "an absolute folder");

        Assert.That(s.Errors, Is.EqualTo(new[]
        {
            "Storage:0:On has invalid value \"maybe\"; expected true or false",
            "Storage:0:Count has invalid value \"99\"; expected a whole number from 1 to 10",
            "Storage:0:Wait has invalid value \"soon\"; expected a duration such as 90s, 30m, 2h or 01:30:00",
            "Storage:0:Mode has invalid value \"medium\"; expected one of fast, slow",
            "Storage:0:Dir has invalid value \"relative/dir\"; expected an absolute path",
            "Storage:0:Url has invalid value \"ftp://x\"; expected an http:// or https:// URL such as https://example.com/path",
            "Storage:0:Path is missing; expected an absolute folder",
        }));
        var thrown = Assert.Throws<BaktainerException>(s.ThrowIfInvalid);
        Assert.That(thrown!.Message, Does.StartWith("local storage 'x': Storage:0:On").And.Contain("; Storage:0:Path is missing"));
    }

    [Test]
    public void Section_SharesErrorsAndPrefixesKeys()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create<string, string?>("Plugins:X:Inner:Depth", "deep")]).Build();
        var root = new SettingsSection(config.GetSection("Plugins:X"));
        root.Section("Inner").Integer("Depth", 0, 3);
        Assert.That(root.Errors, Is.EqualTo(new[] { "Plugins:X:Inner:Depth has invalid value \"deep\"; expected a whole number from 0 to 3" }));
        Assert.DoesNotThrow(new SettingsSection(config.GetSection("Plugins:Y")).ThrowIfInvalid);
    }

    [Test]
    public void Describe_ConfigurationWithOrigin_NamesTheVariable()
    {
        var config = new Described(Entry(("Url", "nope")));
        var s = new SettingsSection(config);
        s.HttpUrl("Url");
        Assert.That(s.Errors.Single(), Does.StartWith("BT_X (Storage:0:Url) has invalid value"));
    }

    private sealed class Described(IConfigurationSection inner) : ISettingsOrigin, IConfigurationSection
    {
        public string Describe(string path) => $"BT_X ({path})";
        public string? this[string key] { get => inner[key]; set => inner[key] = value; }
        public string Key => inner.Key;
        public string Path => inner.Path;
        public string? Value { get => inner.Value; set => inner.Value = value; }
        public IConfigurationSection GetSection(string key) => inner.GetSection(key);
        public IEnumerable<IConfigurationSection> GetChildren() => inner.GetChildren();
        public Microsoft.Extensions.Primitives.IChangeToken GetReloadToken() => inner.GetReloadToken();
    }
}
