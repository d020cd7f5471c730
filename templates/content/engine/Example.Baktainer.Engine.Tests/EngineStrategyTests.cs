using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;

namespace Example.Baktainer.Engine.Tests;

/// <summary>The engine run in-process against a scripted shell: what it runs, and when a dump counts.</summary>
public sealed class EngineStrategyTests
{
    private const string Password = "s3cret-Pa55";
    private const string CompleteDump = "CREATE TABLE t (id int);\n--\n" + DumpCommands.CompletionMarker + "\n--\n\n\\unrestrict k3y\n";
    private static readonly TargetSettings Orders = new() { Backup = true, Engine = EngineStrategy.Name, Database = "orders", User = "app" };

    [Test]
    public async Task BackupAsync_CompleteDump_StreamsItWithThePasswordOnlyInTheEnvironment()
    {
        var shell = new ScriptedShell(request => IsVersion(request) ? ("pg_dump (PostgreSQL) 15.8\n", 0, "") : (CompleteDump, 0, ""));
        using var destination = new MemoryStream();

        var info = await new EngineStrategy().BackupAsync(ScriptedShell.Target(shell, Orders, Password), destination, CancellationToken.None);

        Assert.That(System.Text.Encoding.UTF8.GetString(destination.ToArray()), Is.EqualTo(CompleteDump));
        Assert.That(info.Database, Is.EqualTo("orders"));
        Assert.That(info.ToolVersion, Is.EqualTo("pg_dump (PostgreSQL) 15.8"));
        var dump = shell.Requests.Single(r => !IsVersion(r));
        Assert.That(dump.Argv, Does.Contain("--dbname=orders").And.Contain("app"));
        Assert.That(dump.Argv, Has.None.Contains(Password), "a password in argv is visible to every process listing");
        Assert.That(dump.Environment?[DumpCommands.PasswordVariable], Is.EqualTo(Password));
    }

    [Test]
    public void BackupAsync_DumpWithoutCompletionMarker_FailsNamingTheTarget()
    {
        var shell = new ScriptedShell(request => IsVersion(request) ? ("pg_dump 15\n", 0, "") : ("CREATE TABLE t (id int);\nCOPY t", 0, ""));
        var target = ScriptedShell.Target(shell, Orders, Password);

        var error = Assert.ThrowsAsync<BackupFailedException>(() => new EngineStrategy().BackupAsync(target, new MemoryStream(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("orders-db").And.Contain("incomplete"));
    }

    [Test]
    public void BackupAsync_ToolFails_FailsWithItsErrorText()
    {
        var shell = new ScriptedShell(request => IsVersion(request) ? ("pg_dump 15\n", 0, "") : ("", 1, "FATAL: password authentication failed"));
        var target = ScriptedShell.Target(shell, Orders, Password);

        var error = Assert.ThrowsAsync<BackupFailedException>(() => new EngineStrategy().BackupAsync(target, new MemoryStream(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("orders-db").And.Contain("password authentication failed").And.Not.Contain(Password));
    }

    [Test]
    public async Task RestoreAsync_Dump_IsStreamedIntoTheRestoreTool()
    {
        var shell = new ScriptedShell(_ => ("", 0, ""));
        using var dump = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(CompleteDump));

        await new EngineStrategy().RestoreAsync(ScriptedShell.Target(shell, Orders, Password), dump, new RestoreOptions(), CancellationToken.None);

        Assert.That(shell.Requests.Single().Argv[0], Is.EqualTo(DumpCommands.RestoreTool));
        Assert.That(shell.Requests.Single().Argv, Does.Contain("--dbname=orders").And.Contain("--set=ON_ERROR_STOP=1"));
        Assert.That(shell.Inputs.Single(), Is.EqualTo(CompleteDump));
    }

    [Test]
    public void DescribeBackup_PasswordLabelSet_ShowsTheVariableButNoPassword()
    {
        var target = ScriptedShell.Target(new ScriptedShell(_ => ("", 0, "")), Orders with { PasswordEnv = "DB_PASSWORD" }, Password);

        var shown = new EngineStrategy().DescribeBackup(target).Single().ToDisplayString();

        Assert.That(shown, Does.StartWith(DumpCommands.PasswordVariable + "=********").And.Contain(DumpCommands.DumpTool).And.Not.Contain(Password));
    }

    [Test]
    public void Validate_NoDatabaseLabel_NamesTheLabel()
    {
        var target = ScriptedShell.Target(new ScriptedShell(_ => ("", 0, "")), Orders with { Database = null });

        Assert.That(new EngineStrategy().Validate(target), Has.One.Contains(LabelSchema.Database));
    }

    private static bool IsVersion(ExecRequest request) => request.Argv is [_, "--version"];
}
