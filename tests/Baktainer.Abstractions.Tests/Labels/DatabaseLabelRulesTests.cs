using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Labels;
using NSubstitute;

namespace Baktainer.Abstractions.Tests.Labels;

public sealed class DatabaseLabelRulesTests
{
    private static BackupTarget Target(string? database, bool all = false) =>
        new("id", "db", "test", new Dictionary<string, string>(), new TargetSettings { Database = database, AllDatabases = all }, [], TargetStatus.Ready, Substitute.For<ITargetShell>());

    [TestCase("$(reboot)")]
    [TestCase("-Fc")]
    public void DatabaseName_Unsafe_ErrorNamesLabelAndValue(string name) =>
        Assert.That(DatabaseLabelRules.DatabaseName(Target(name), "postgres").Single(),
            Is.EqualTo($"label 'baktainer.db.name' has invalid value \"{name}\"; expected a database name of letters, digits and . _ - @ + (not starting with - or .)"));

    [Test]
    public void DatabaseName_MissingWithoutAll_RequiredForEngine() =>
        Assert.That(DatabaseLabelRules.DatabaseName(Target(null), "mysql").Single(), Is.EqualTo("label 'baktainer.db.name' is required for mysql unless 'baktainer.db.all=true'"));

    [Test]
    public void DatabaseName_ValidOrAll_NoProblem()
    {
        Assert.That(DatabaseLabelRules.DatabaseName(Target("app"), "postgres"), Is.Empty);
        Assert.That(DatabaseLabelRules.DatabaseName(Target(null, all: true), "postgres"), Is.Empty);
    }

    [TestCase("../app.db")]
    [TestCase("data/app.db")]
    [TestCase("/data/../etc/passwd")]
    public void AbsoluteFilePath_NotAbsoluteOrEscaping_Error(string path) =>
        Assert.That(DatabaseLabelRules.AbsoluteFilePath(Target(path), "sqlite").Single(), Does.Contain("absolute path of the database file"));

    [Test]
    public void AbsoluteFilePath_AbsolutePath_NoProblem() =>
        Assert.That(DatabaseLabelRules.AbsoluteFilePath(Target("/data/app.db"), "sqlite"), Is.Empty);
}
