using System.Diagnostics;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using EndToEnd.Tests;

namespace EndToEnd.Tests.Engines;

[Category("Docker")]
public sealed class SqliteBackupTests : EndToEndTest
{

    [Test]
    public async Task Backup_LiveWalDatabase_ConsistentCopyWithSameRows()
    {
        var container = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("sqlite"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(container, "/data/app.db",
            "pragma journal_mode=wal; create table notes(id integer primary key, body text); " +
            "with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000) insert into notes select i, 'note ' || i || ' ✓' from n;");
        const string query = "select count(*) || ':' || sum(length(body)) from notes;";
        var expected = await DatabaseContainers.SqliteAsync(container, "/data/app.db", query);

        var (code, output, error) = await Baktainer("backup", "--target", container.Name);

        Assert.That(code, Is.EqualTo(0), output + error);
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(file, Does.EndWith(".sqlite.gz"));
        Assert.That(manifest.Engine, Is.EqualTo("sqlite"));
        var raw = Backups.Decompress(file, manifest.RawSize);
        Assert.That(File.ReadAllBytes(raw)[..16], Is.EqualTo("SQLite format 3\0"u8.ToArray()));
        Assert.That(Sqlite(raw, "pragma integrity_check;"), Is.EqualTo("ok"));
        Assert.That(Sqlite(raw, query), Is.EqualTo(expected));
        var leftovers = await container.ExecAsync("sh", "-c", "ls /tmp");
        Assert.That(leftovers, Does.Not.Contain("baktainer-"), "the temporary copy inside the container was removed");
    }

    [Test]
    public async Task Backup_MissingDatabaseFile_FailsAndKeepsNothing()
    {
        var container = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("sqlite-missing"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/nope/missing.db",
        }));
        var (code, output, _) = await Baktainer("backup", "--target", container.Name);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain(container.Name).And.Contain("sqlite3 failed"));
        Assert.That(Backups.AllFiles(), Is.Empty);
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
