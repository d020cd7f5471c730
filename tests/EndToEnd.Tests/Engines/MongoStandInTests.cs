using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Engines;

/// <summary>
/// The Mongo engine against a stand-in mongodump (Stubs/mongodump): no mongod can be installed on
/// these machines, so these check the engine's argv, credentials file, archive checks and exit
/// codes; the real tools are exercised where a user has MongoDB.
/// </summary>
[Category("Docker")]
public sealed class MongoStandInTests : EndToEndTest
{
    private const string Password = "mongo-Secret-1";

    private async Task<TestContainer> StandIn(string mode)
    {
        var stubs = Path.Combine(TestContext.CurrentContext.TestDirectory, "Stubs");
        var container = Track(await TestContainer.StartAsync(TestContainer.UniqueName("mongo-standin"),
            new Dictionary<string, string>
            {
                ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "mongo", ["baktainer.db.name"] = "inventory",
                ["baktainer.db.user"] = "admin", ["baktainer.db.password_env"] = "MONGO_PASSWORD",
            },
            new Dictionary<string, string>
            {
                ["MONGO_PASSWORD"] = Password, ["EXPECTED_PASSWORD"] = Password, ["STAND_IN_MODE"] = mode,
                ["PATH"] = "/stubs:/usr/local/bin:/usr/bin:/bin",
            },
            ["-v", $"{stubs}:/stubs:ro"], "sh", "-c", "chmod 1777 /tmp && exec sleep infinity"));
        return container;
    }

    [Test]
    public async Task Backup_StandInMongodump_ArchiveStoredCredentialsViaTempConfigFile()
    {
        var c = await StandIn("complete");

        var (code, output, error) = await Baktainer("backup", "--target", c.Name);

        Assert.That(code, Is.EqualTo(0), output + error);
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(file, Does.EndWith(".archive.gz"));
        Assert.That(manifest.Engine, Is.EqualTo("mongodb"));
        Assert.That(manifest.ToolVersion, Is.EqualTo("mongodump version: stand-in-100.0"));
        var raw = File.ReadAllBytes(Backups.Decompress(file, manifest.RawSize));
        Assert.That(raw[..4], Is.EqualTo(new byte[] { 0x6d, 0xe2, 0x99, 0x81 }));
        Assert.That(raw[^4..], Is.EqualTo(new byte[] { 0xff, 0xff, 0xff, 0xff }));

        var args = await c.ExecAsync("cat", "/tmp/stand-in-mongodump-args");
        Assert.That(args, Does.Contain("--archive").And.Contain("--db=inventory").And.Contain("--username=admin").And.Contain("--config=/tmp/baktainer-"));
        Assert.That(args, Does.Not.Contain(Password));
        Assert.That(await c.ExecAsync("sh", "-c", "ls /tmp"), Does.Not.Contain(".yaml"), "the credentials file was removed");
    }

    [Test]
    public async Task Backup_StandInArchiveWithoutTerminator_FailsAndKeepsNothing()
    {
        var c = await StandIn("truncate");
        var (code, output, _) = await Baktainer("backup", "--target", c.Name);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("mongodump archive does not end with its terminator"));
        Assert.That(Backups.AllFiles(), Is.Empty);
        Assert.That(await c.ExecAsync("sh", "-c", "ls /tmp"), Does.Not.Contain(".yaml"));
    }
}
