using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using EndToEnd.Tests;

namespace EndToEnd.Tests.Engines;

[Category("Docker")]
public sealed class MariaDbBackupTests : EndToEndTest
{
    private const string Password = "maria-Secret-4410";
    private const string Checksum = "select concat(count(*), ':', md5(group_concat(id, '|', name, '|', coalesce(note, '') order by id separator ','))) from items";


    private async Task<TestContainer> MariaDb(string purpose, Dictionary<string, string>? labels = null)
    {
        var c = await DatabaseContainers.StartMariaDbAsync(TestContainer.UniqueName(purpose), labels);
        return Track(c);
    }

    private static async Task Seed(TestContainer c, string database)
    {
        await DatabaseContainers.MariaAsync(c,
            $"create database {database}; create user 'app'@'localhost' identified by '{Password}'; grant all on *.* to 'app'@'localhost';");
        await DatabaseContainers.MariaAsync(c,
            "create table items(id int primary key, name varchar(100) not null, note text) character set utf8mb4; " +
            "insert into items select seq, concat('item ', seq, ' ünïcødé ''q'''), if(seq % 3 = 0, null, repeat('x', seq % 50)) from seq_1_to_3000; " +
            "create procedure item_count() select count(*) from items; " +
            "create trigger items_upper before insert on items for each row set new.name = upper(new.name);", database);
    }

    [Test]
    public async Task Backup_OneDatabase_CompleteChecksummedAndRestoresSameRows()
    {
        var labels = new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "mariadb", ["baktainer.db.name"] = "shop",
            ["baktainer.db.user"] = "app", ["baktainer.db.password"] = Password,
        };
        var db = await MariaDb("maria", labels);
        await Seed(db, "shop");
        var expected = await DatabaseContainers.MariaAsync(db, Checksum, "shop");

        var (code, output, error) = await Baktainer("backup", "--target", db.Name);

        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(output + error, Does.Not.Contain(Password));
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(manifest.Engine, Is.EqualTo("mariadb"));
        Assert.That(manifest.ToolVersion, Does.Contain("MariaDB"));
        var raw = Backups.Decompress(file, manifest.RawSize);
        var text = File.ReadAllText(raw);
        Assert.That(File.ReadLines(raw).Last(l => l.Trim().Length > 0), Does.StartWith("-- Dump completed on "));
        Assert.That(text, Does.Contain("CREATE DEFINER").And.Contain("PROCEDURE `item_count`"), "--routines");
        Assert.That(text, Does.Contain("trigger items_upper before insert"), "--triggers");

        var fresh = await MariaDb("maria-fresh");
        await DatabaseContainers.MariaAsync(fresh, "create database shop");
        await DockerCli.PipeFileAsync(raw, "exec", "-i", fresh.Name, "mariadb", "shop");
        Assert.That(await DatabaseContainers.MariaAsync(fresh, Checksum, "shop"), Is.EqualTo(expected));
        Assert.That(await DatabaseContainers.MariaAsync(fresh, "call item_count()", "shop"), Is.EqualTo("3000"));
    }

    [Test]
    public async Task Backup_WrongPassword_FailsWithToolErrorAndKeepsNothing()
    {
        var labels = new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "mysql", ["baktainer.db.name"] = "shop",
            ["baktainer.db.user"] = "app", ["baktainer.db.password"] = "not-the-password",
        };
        var db = await MariaDb("maria-badpw", labels);
        await Seed(db, "shop");

        var (code, output, error) = await Baktainer("backup", "--target", db.Name);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain(db.Name).And.Contain("Access denied for user 'app'@'localhost'"));
        Assert.That(output + error, Does.Not.Contain("not-the-password"));
        Assert.That(Backups.AllFiles(), Is.Empty);
    }
}
