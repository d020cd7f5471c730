using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using NSubstitute;

namespace Baktainer.Tests.Shared;

/// <summary>Label catalogs for tests: the bundled engines' names and aliases, as if their plugins were loaded.</summary>
internal static class TestLabels
{
    /// <summary>postgres (postgresql), mysql, mariadb, sqlite, mongodb (mongo).</summary>
    public static LabelCatalog BundledEngines { get; } = With(Engine("postgres", "postgresql"), Engine("mysql"), Engine("mariadb"), Engine("sqlite"), Engine("mongodb", "mongo"));

    public static LabelCatalog With(params IBackupStrategy[] engines) => new(engines, []);

    /// <summary>A strategy that only has a name and aliases (for label parsing).</summary>
    public static IBackupStrategy Engine(string name, params string[] aliases)
    {
        var strategy = Substitute.For<IBackupStrategy>();
        strategy.Engine.Returns(name);
        strategy.Aliases.Returns(aliases);
        strategy.Validate(Arg.Any<Baktainer.Abstractions.Discovery.BackupTarget>()).Returns([]);
        return strategy;
    }
}
