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
    public async Task Backup_MissingDatabaseFile_FailsNamingPathAndCreatesNothingInContainer()
    {
        var container = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("sqlite-missing"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/nosuch.db",
        }));

        var (code, output, error) = await Baktainer("backup", "--target", container.Name);

        Assert.That(code, Is.EqualTo(1), "an empty database made from a wrong path is not a backup");
        Assert.That(output + error, Does.Contain($"no SQLite database at /data/nosuch.db in container {container.Name}").And.Contain("baktainer.db.name"));
        Assert.That(Backups.AllFiles(), Is.Empty);
        Assert.That(await container.ExecAsync("ls", "-A", "/data"), Is.Empty, "nothing was created inside the container");
    }

    [Test]
    public async Task Backup_FileIsNotSqlite_FailsNamingPathAndKeepsNothing()
    {
        var container = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("sqlite-notdb"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/notes.txt",
        }));
        await container.ExecAsync("sh", "-c", "echo 'just some text, not a database' > /data/notes.txt");

        var (code, output, error) = await Baktainer("backup", "--target", container.Name);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output + error, Does.Contain($"/data/notes.txt (label 'baktainer.db.name') is not a SQLite database in container {container.Name}"));
        Assert.That(Backups.AllFiles(), Is.Empty);
        Assert.That(await container.ExecAsync("cat", "/data/notes.txt"), Is.EqualTo("just some text, not a database"), "the file is untouched");
    }

    [Test]
    public async Task Restore_RelativeDatabasePath_RefusedNothingWrittenAtRoot()
    {
        var container = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("sqlite-relative"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(container, "/data/app.db", "create table t(x); insert into t values (1);");
        Assert.That((await Baktainer("backup", "--target", container.Name)).Code, Is.EqualTo(0));

        var (code, output, error) = await Baktainer("restore", "latest", "--target", container.Name, "--database", "copy.db", "--yes");

        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(output + error, Does.Contain("must be an absolute path inside the container").And.Contain("copy.db"));
        Assert.That(await container.ExecAsync("ls", "-A", "/"), Does.Not.Contain("copy.db"));
    }

    /// <summary>Runs the host's sqlite3 on a database file (e.g. a decompressed backup) and returns its trimmed output.</summary>
    internal static string Sqlite(string file, string sql)
    {
        var info = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(file);
        info.ArgumentList.Add(sql);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        ProcessWait.Exit(process, "sqlite3 " + file, TimeSpan.FromMinutes(1));
        return output.Trim();
    }
}
