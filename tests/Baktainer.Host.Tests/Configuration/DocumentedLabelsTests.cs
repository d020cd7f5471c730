using System.Text.Json;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Engines.Postgres;
using Baktainer.Engines.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Host.Tests.Configuration;

/// <summary>
/// The rule "no setting is accepted and then ignored" for every label <c>baktainer labels</c> lists
/// (with the bundled PostgreSQL and SQLite engines loaded): a valid value changes the target's parsed
/// settings, an invalid one is an issue naming the label.
/// </summary>
public sealed class DocumentedLabelsTests
{
    private static readonly LabelCatalog Catalog = new(
        new ServiceCollection().AddPostgresEngine().AddSqliteEngine().BuildServiceProvider().GetServices<IBackupStrategy>(), []);

    private static readonly Dictionary<string, string> Base = new()
    {
        [LabelSchema.Backup] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "app",
    };

    private static IEnumerable<string> Labels() => Catalog.Definitions.Select(d => d.Key);

    [Test]
    public void Labels_ReferenceListsThem()
    {
        var reference = LabelReference.ToText(Catalog);
        Assert.That(Labels().ToList(), Has.Count.GreaterThan(20));
        Assert.That(Labels().Where(l => !reference.Contains(l, StringComparison.Ordinal)), Is.Empty);
    }

    [TestCaseSource(nameof(Labels))]
    public void Label_ValidValue_ChangesTargetSettings(string label)
    {
        var definition = Catalog.Find(label)!;
        var value = Valid(definition);
        var result = Catalog.Parse(new Dictionary<string, string>(Base) { [label] = value });

        Assert.That(result.Issues.Where(i => i.Label == label), Is.Empty, $"{label}={value}");
        Assert.That(Json(result.Settings), Is.Not.EqualTo(Json(Catalog.Parse(Base).Settings)), $"{label}={value} is accepted but changes nothing");
    }

    [TestCaseSource(nameof(Labels))]
    public void Label_InvalidValue_IssueNamesIt(string label)
    {
        var definition = Catalog.Find(label)!;
        var value = Invalid(definition);
        if (value is null) Assert.Ignore($"{label} takes any text");
        var result = Catalog.Parse(new Dictionary<string, string>(Base) { [label] = value! });
        Assert.That(result.Issues.Where(i => i.Label == label && i.Message.Contains(label, StringComparison.Ordinal)), Is.Not.Empty,
            $"{label}={value}: {string.Join(" | ", result.Issues)}");
    }

    private static string Valid(LabelDefinition d) => d.Key == LabelSchema.Engine ? "sqlite" : d.Type switch
    {
        LabelType.Boolean => d.Default == "true" || Base.GetValueOrDefault(d.Key) == "true" ? "false" : "true",
        LabelType.Integer => (d.Default == (d.Min + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) ? d.Min + 2 : d.Min + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        LabelType.Choice => d.Allowed!.First(a => !a.Equals(d.Default, StringComparison.OrdinalIgnoreCase) && !a.Equals(Base.GetValueOrDefault(d.Key), StringComparison.OrdinalIgnoreCase)),
        LabelType.Name => "other-name",
        LabelType.Path => "/run/secrets/db",
        LabelType.EnvironmentVariable => "DB_PASSWORD",
        LabelType.Host => "db.internal",
        LabelType.CronList => "0 3 * * *;30 4 * * 0",
        LabelType.Duration => "90m",
        LabelType.NameList => "first,second",
        LabelType.Engine => "sqlite",
        _ => "some text",
    };

    private static string? Invalid(LabelDefinition d) => d.Type switch
    {
        LabelType.Boolean => "maybe",
        LabelType.Integer => "many",
        LabelType.Choice => "zzz",
        LabelType.Name or LabelType.NameList or LabelType.Host => "bad name!",
        LabelType.Path => "relative/path",
        LabelType.EnvironmentVariable => "1BAD",
        LabelType.CronList => "never",
        LabelType.Duration => "soon",
        LabelType.Engine => "nosuchengine",
        _ => null,
    };

    private static string Json(TargetSettings settings) => JsonSerializer.Serialize(settings);
}
