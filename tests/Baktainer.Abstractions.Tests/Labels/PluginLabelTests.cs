using Baktainer.Abstractions.Labels;
using Baktainer.Tests.Shared;

namespace Baktainer.Abstractions.Tests.Labels;

public sealed class PluginLabelTests
{
    private static readonly LabelDefinition RedisDb = new("baktainer.redis.db", LabelType.Integer, "The Redis logical database to check after a restore.", "0", Min: 0, Max: 15);

    private static LabelCatalog Catalog() => new([TestLabels.Engine("redis")], [RedisDb]);

    private static LabelParseResult Parse(string value) => Catalog().Parse(new Dictionary<string, string>
    {
        ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "redis", ["baktainer.redis.db"] = value,
    });

    [Test]
    public void Parse_DeclaredPluginLabel_NoUnknownLabelWarning()
    {
        var result = Parse("3");
        Assert.That(result.Issues, Is.Empty);
    }

    [Test]
    public void Parse_UndeclaredPluginLabel_WarnedAsUnknown()
    {
        var result = new LabelCatalog([TestLabels.Engine("redis")], []).Parse(new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "redis", ["baktainer.redis.db"] = "3",
        });
        Assert.That(result.Warnings.Single().Message, Does.StartWith("label 'baktainer.redis.db' is not a Baktainer label"));
    }

    [Test]
    public void Parse_DeclaredPluginLabelBadValue_ErrorNamesLabelAndDeclaredRange()
    {
        var error = Parse("99").Errors.Single();
        Assert.That(error.Message, Is.EqualTo("label 'baktainer.redis.db' has invalid value \"99\"; expected a whole number from 0 to 15"));
    }

    [Test]
    public void Reference_PluginLabel_ListedWithTypeDefaultAndHelp()
    {
        var text = LabelReference.ToText(Catalog());
        Assert.That(text, Does.Contain("baktainer.redis.db  (plugin)\n    The Redis logical database to check after a restore.\n    valid: a whole number from 0 to 15\n    default: 0\n"));
        Assert.That(text, Does.Contain("baktainer.db.engine"));
    }

    [Test]
    public void Catalog_PluginRedefinesBuiltInLabel_BuiltInKept()
    {
        var catalog = new LabelCatalog([], [new LabelDefinition("baktainer.db.name", LabelType.Integer, "hijack")]);
        Assert.That(catalog.Find("baktainer.db.name")!.Type, Is.EqualTo(LabelType.Text));
        Assert.That(catalog.PluginDefinitions, Is.Empty);
    }
}
