using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Restore;

[Category("Docker")]
public sealed class VerifyTests
{
    private const string Password = "verify-Secret-3";
    private static TestContainer _db = null!;
    private BackupFolder _backups = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _db = await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName("verify-pg"), Password, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "app", ["baktainer.db.password_env"] = "POSTGRES_PASSWORD",
        });
        await DatabaseContainers.PsqlAsync(_db, Password, "postgres", "create database app");
        await DatabaseContainers.PsqlAsync(_db, Password, "app", "create table t as select g as id, md5(g::text) as v from generate_series(1, 5000) g");
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _db.DisposeAsync();

    [SetUp]
    public async Task Backup()
    {
        _backups = new BackupFolder();
        Assert.That((await BaktainerProcess.RunAsync(_backups.Environment(), "backup", "--target", _db.Name)).Code, Is.EqualTo(0));
    }

    [TearDown]
    public void TearDown() => _backups.Dispose();

    private Task<(int Code, string Out, string Error)> Verify() => BaktainerProcess.RunAsync(_backups.Environment(), "verify", "--target", _db.Name);

    [Test]
    public async Task Verify_GoodBackup_Ok()
    {
        var (file, manifest) = _backups.SingleBackup();
        var (code, output, _) = await Verify();
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain($"OK      local:{manifest.Key} (sha256 {manifest.Sha256}").And.Contain("1 of 1 backup(s) verified"));
        var byId = await BaktainerProcess.RunAsync(_backups.Environment(), "verify", manifest.Id);
        var byPath = await BaktainerProcess.RunAsync(_backups.Environment(), "verify", file);
        Assert.That((byId.Code, byPath.Code), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task Verify_FlippedByte_FailsNamingChecksum()
    {
        var (file, manifest) = _backups.SingleBackup();
        BackupDamage.FlipByte(file, new FileInfo(file).Length / 2);
        var (code, output, _) = await Verify();
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"FAILED  local:{manifest.Key}: SHA-256").And.Contain("does not match the manifest"));
    }

    [Test]
    public async Task Verify_TruncatedFile_FailsNamingSize()
    {
        var (file, manifest) = _backups.SingleBackup();
        BackupDamage.Truncate(file, new FileInfo(file).Length - 1000);
        var (code, output, _) = await Verify();
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"FAILED  local:{manifest.Key}: size is").And.Contain("truncated"));
    }

    [Test]
    public async Task Verify_MissingManifest_FailsNamingIt()
    {
        var (file, _) = _backups.SingleBackup();
        File.Delete(file + ".json");
        var (code, output, _) = await BaktainerProcess.RunAsync(_backups.Environment(), "verify", "--all");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("no manifest").And.Contain(Path.GetFileName(file)));
        Assert.That(output, Does.Contain("decompresses completely as gzip"), "the codec was chosen by the file's magic bytes");
    }

    [Test]
    public async Task Verify_DumpWithoutCompletionMarker_Fails()
    {
        var (file, _) = _backups.SingleBackup();
        BackupDamage.StripCompletionMarker(file, dropLastLines: 8);
        var (code, output, _) = await Verify();
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("does not end with \"-- PostgreSQL database dump complete\""));
    }

    [Test]
    public async Task Verify_NothingNamed_Exit2()
    {
        var (code, _, error) = await BaktainerProcess.RunAsync(_backups.Environment(), "verify");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("name a backup, or give --all or --target"));
    }
}
