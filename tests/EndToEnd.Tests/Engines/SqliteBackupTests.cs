using System.Diagnostics;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using EndToEnd.Tests;

namespace EndToEnd.Tests.Engines;

[Category("Docker")]
public sealed class SqliteBackupTests
{
    private TestContainer? _container;
    private BackupFolder _backups = null!;

    [SetUp]
    public void SetUp() => _backups = new BackupFolder();

    [TearDown]
    public async Task TearDown()
    {
        if (_container is not null) await _container.DisposeAsync();
        _backups.Dispose();
    }

    [Test]
    public async Task Backup_LiveWalDatabase_ConsistentCopyWithSameRows()
    {
        _container = await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("sqlite"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        });
        await DatabaseContainers.SqliteAsync(_container, "/data/app.db",
            "pragma journal_mode=wal; create table notes(id integer primary key, body text); " +
            "with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000) insert into notes select i, 'note ' || i || ' ✓' from n;");
        const string query = "select count(*) || ':' || sum(length(body)) from notes;";
        var expected = await DatabaseContainers.SqliteAsync(_container, "/data/app.db", query);

        var (code, output, error) = await BaktainerProcess.RunAsync(_backups.Environment(), "backup", "--target", _container.Name);

        Assert.That(code, Is.EqualTo(0), output + error);
        var (file, manifest) = _backups.SingleBackup();
        Assert.That(file, Does.EndWith(".sqlite.gz"));
        Assert.That(manifest.Engine, Is.EqualTo("sqlite"));
        var raw = _backups.Decompress(file, manifest.RawSize);
        Assert.That(File.ReadAllBytes(raw)[..16], Is.EqualTo("SQLite format 3\0"u8.ToArray()));
        Assert.That(Sqlite(raw, "pragma integrity_check;"), Is.EqualTo("ok"));
        Assert.That(Sqlite(raw, query), Is.EqualTo(expected));
        var leftovers = await _container.ExecAsync("sh", "-c", "ls /tmp");
        Assert.That(leftovers, Does.Not.Contain("baktainer-"), "the temporary copy inside the container was removed");
    }

    [Test]
    public async Task Backup_MissingDatabaseFile_FailsAndKeepsNothing()
    {
        _container = await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("sqlite-missing"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/nope/missing.db",
        });
        var (code, output, _) = await BaktainerProcess.RunAsync(_backups.Environment(), "backup", "--target", _container.Name);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain(_container.Name).And.Contain("sqlite3 failed"));
        Assert.That(_backups.AllFiles(), Is.Empty);
    }

    private static string Sqlite(string file, string sql)
    {
        var info = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(file);
        info.ArgumentList.Add(sql);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Trim();
    }
}
