using System.Security.Cryptography;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Encryption;

/// <summary>Passphrase, public-key and rotated keys with a real SQLite container.</summary>
[Category("Docker")]
public sealed class KeyModeTests : EndToEndTest
{
    private const string Passphrase = "a long and secret passphrase 42";
    private TestContainer _db = null!;
    private readonly List<string> _secrets = [Passphrase];

    [SetUp]
    public async Task StartSqlite()
    {
        _db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("enc-keys"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(_db, "/data/app.db", "create table notes(id integer primary key, body text); insert into notes(body) values ('one'), ('two');");
    }

    private async Task<(int Code, string Out, string Error)> Run((string, string)[] env, params string[] args)
    {
        var result = await BaktainerProcess.RunAsync(Backups.Environment(env), ["--verbose", .. args]);
        await TestContext.Out.WriteLineAsync($"baktainer {string.Join(' ', args)} -> {result.Code}\n{result.Out}{result.Error}");
        foreach (var secret in _secrets) Assert.That(result.Out + result.Error, Does.Not.Contain(secret), "no key material in any output");
        return result;
    }

    private async Task<string> Notes() => await DatabaseContainers.SqliteAsync(_db, "/data/app.db", "select group_concat(body) from notes;");

    private string[] BackupFiles() => Backups.AllFiles().Where(f => f.EndsWith(".enc")).Select(f => Path.Combine(Backups.Path, f)).ToArray();

    [Test]
    public async Task Passphrase_TwoBackups_DifferentSaltsAndBytes_BothRestore()
    {
        (string, string)[] env = [("BT_ENCRYPTION_ENABLED", "true"), ("BT_ENCRYPTION_PASSPHRASE", Passphrase)];
        Assert.That((await Run(env, "backup", "--target", _db.Name)).Code, Is.EqualTo(0));
        await Task.Delay(1100); // a new second: a second backup file name
        Assert.That((await Run(env, "backup", "--target", _db.Name)).Code, Is.EqualTo(0));
        var files = BackupFiles().Select(File.ReadAllBytes).ToArray();
        Assert.That(files, Has.Length.EqualTo(2));
        Assert.That(files[0][9..41], Is.Not.EqualTo(files[1][9..41]), "header salt differs");
        Assert.That(files[0][67..83], Is.Not.EqualTo(files[1][67..83]), "PBKDF2 salt differs (after type, id, body length and iterations)");
        Assert.That(files[0], Is.Not.EqualTo(files[1]));

        Assert.That((await Run(env, "verify", "--all")).Code, Is.EqualTo(0));
        var wrong = await Run([("BT_ENCRYPTION_PASSPHRASE", "not the passphrase at all")], "verify", "--all");
        Assert.That(wrong.Code, Is.EqualTo(1));
        Assert.That(wrong.Out, Does.Contain("wrong passphrase"));
        await DatabaseContainers.SqliteAsync(_db, "/data/app.db", "delete from notes;");
        Assert.That((await Run(env, "restore", "latest", "--target", _db.Name, "--yes")).Code, Is.EqualTo(0));
        Assert.That(await Notes(), Is.EqualTo("one,two"));
    }

    [Test]
    public async Task PublicKey_DaemonHoldsNoPrivateKey_RestoreNeedsKeyFile()
    {
        using var ec = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var privatePem = ec.ExportPkcs8PrivateKeyPem();
        _secrets.Add(privatePem.Split('\n')[1]);
        var publicFile = Path.Combine(Backups.Path, "..", Path.GetFileName(Backups.Path) + ".pub.pem");
        var privateFile = Path.Combine(Backups.Path, "..", Path.GetFileName(Backups.Path) + ".key.pem");
        await File.WriteAllTextAsync(publicFile, ec.ExportSubjectPublicKeyInfoPem());
        await File.WriteAllTextAsync(privateFile, privatePem);
        try
        {
            (string, string)[] daemon = [("BT_ENCRYPTION_ENABLED", "true"), ("BT_ENCRYPTION_RECIPIENT", publicFile), ("BT_VERIFY", "checksum")];
            var backup = await Run(daemon, "backup", "--target", _db.Name);
            Assert.That(backup.Code, Is.EqualTo(0));
            Assert.That(backup.Error, Does.Contain("verified size and SHA-256 of the stored bytes only"));
            var (_, manifest) = Backups.SingleBackup();
            Assert.That(manifest.EncryptionKeyId, Does.StartWith("p256-"));

            await DatabaseContainers.SqliteAsync(_db, "/data/app.db", "delete from notes;");
            var without = await Run(daemon, "restore", "latest", "--target", _db.Name, "--yes");
            Assert.That(without.Code, Is.EqualTo(1));
            Assert.That(without.Error, Does.Contain($"encrypted with key {manifest.EncryptionKeyId}, which is not available").And.Contain("--key-file"));
            Assert.That(await Notes(), Is.Empty, "nothing restored");

            var keys = await Run(daemon, "keys");
            Assert.That(keys.Code, Is.EqualTo(1));
            Assert.That(keys.Out, Does.Contain(manifest.EncryptionKeyId).And.Contain("NO"));

            Assert.That((await Run(daemon, "verify", "--all", "--key-file", privateFile)).Code, Is.EqualTo(0));
            Assert.That((await Run(daemon, "restore", "latest", "--target", _db.Name, "--yes", "--key-file", privateFile)).Code, Is.EqualTo(0));
            Assert.That(await Notes(), Is.EqualTo("one,two"));
        }
        finally
        {
            File.Delete(publicFile);
            File.Delete(privateFile);
        }
    }

    [Test]
    public async Task Rotation_OldKeyInOldKeys_OlderBackupStillVerifiesAndRestores()
    {
        var oldKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var newKey = "base64:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _secrets.AddRange([oldKey, newKey[7..]]);
        Assert.That((await Run([("BT_ENCRYPTION_ENABLED", "true"), ("BT_ENCRYPTION_KEY", oldKey)], "backup", "--target", _db.Name)).Code, Is.EqualTo(0));
        var (_, oldManifest) = Backups.SingleBackup();
        await Task.Delay(1100);

        (string, string)[] rotated = [("BT_ENCRYPTION_ENABLED", "true"), ("BT_ENCRYPTION_KEY", newKey), ("BT_ENCRYPTION_OLD_KEYS", oldKey)];
        Assert.That((await Run(rotated, "backup", "--target", _db.Name)).Code, Is.EqualTo(0));
        var keys = await Run(rotated, "keys");
        Assert.That(keys.Code, Is.EqualTo(0));
        Assert.That(keys.Out, Does.Contain(oldManifest.EncryptionKeyId).And.Contain("BT_ENCRYPTION_OLD_KEYS"));
        Assert.That((await Run(rotated, "verify", "--all")).Out, Does.Contain("2 of 2 backup(s) verified"));

        var withoutOld = await Run([("BT_ENCRYPTION_KEY", newKey)], "verify", oldManifest.Id);
        Assert.That(withoutOld.Code, Is.EqualTo(1));
        Assert.That(withoutOld.Out, Does.Contain($"encrypted with key {oldManifest.EncryptionKeyId}, which is not available"));

        await DatabaseContainers.SqliteAsync(_db, "/data/app.db", "delete from notes;");
        Assert.That((await Run(rotated, "restore", oldManifest.Id, "--target", _db.Name, "--yes")).Code, Is.EqualTo(0));
        Assert.That(await Notes(), Is.EqualTo("one,two"));
    }
}
