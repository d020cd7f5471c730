using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using EndToEnd.Tests.Restore;

namespace EndToEnd.Tests.Compression;

/// <summary>zstd backups of a real PostgreSQL database: damage, a missing codec plugin, and zstd under encryption.</summary>
[Category("Docker")]
public sealed class ZstdBackupTests : EndToEndTest
{
    private const string Password = "zstd-Secret-9";
    private const string Checksum = "select count(*) || ':' || md5(string_agg(id || '|' || name, ',' order by id)) from items";
    private static readonly string Key = Convert.ToHexString(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());

    private async Task<TestContainer> SeededPostgres(string purpose)
    {
        var db = Track(await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName(purpose), Password, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "orders",
            ["baktainer.db.password_env"] = "POSTGRES_PASSWORD", ["baktainer.compression"] = "zstd",
        }));
        await DatabaseContainers.PsqlAsync(db, Password, "postgres", "create database orders");
        await DatabaseContainers.PsqlAsync(db, Password, "orders", "create table items(id int primary key, name text); insert into items select g, 'row ' || g from generate_series(1, 20000) g");
        return db;
    }

    [Test]
    public async Task Verify_DamagedZst_FailsByChecksumAndByDecompression()
    {
        var db = await SeededPostgres("zstd-damage");
        Assert.That((await Baktainer("backup", "--target", db.Name)).Code, Is.EqualTo(0));
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(manifest.Compression, Is.EqualTo("zstd"));
        Assert.That(file, Does.EndWith(".sql.zst"), "label baktainer.compression=zstd chose the codec");
        Assert.That((await Baktainer("verify", "--all")).Code, Is.EqualTo(0));

        BackupDamage.CorruptContentKeepingChecksum(file);
        var (code, output, _) = await Baktainer("verify", "--all");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("FAILED").And.Contain("zstd"), "libzstd itself rejects the damaged frame");

        BackupDamage.FlipByte(file, 40);
        (code, output, _) = await Baktainer("verify", "--all");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("FAILED"));
    }

    [Test]
    public async Task Verify_ZstdPluginNotInstalled_ErrorNamesPluginAndBackupsStillListsIt()
    {
        var db = await SeededPostgres("zstd-missing");
        Assert.That((await Baktainer("backup", "--target", db.Name)).Code, Is.EqualTo(0));
        var (file, manifest) = Backups.SingleBackup();
        using var plugins = new TempFolder("bt-plugins-nozstd");
        foreach (var plugin in Directory.EnumerateFiles(RepoPaths.BundledPlugins, "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetRelativePath(RepoPaths.BundledPlugins, f).StartsWith("Compression.Zstd", StringComparison.Ordinal)))
        {
            var copy = Path.Combine(plugins.Path, Path.GetRelativePath(RepoPaths.BundledPlugins, plugin));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(plugin, copy);
        }
        var withoutZstd = Backups.Environment(("BT_PLUGIN_DIR", plugins.Path));

        var listed = await BaktainerProcess.RunAsync(withoutZstd, "backups");
        Assert.That(listed.Code, Is.EqualTo(0), listed.Error);
        Assert.That(listed.Out, Does.Contain(Path.GetFileName(file)));

        var verified = await BaktainerProcess.RunAsync(withoutZstd, "verify", "--all");
        Assert.That(verified.Code, Is.EqualTo(1));
        Assert.That(verified.Out + verified.Error, Does.Contain("'zstd'").And.Contain("plugin 'Compression.Zstd'").And.Contain("not loaded"));

        await DatabaseContainers.PsqlAsync(db, Password, "orders", "delete from items where id > 10");
        var restored = await BaktainerProcess.RunAsync(withoutZstd, "restore", manifest.Id, "--target", db.Name, "--yes");
        Assert.That(restored.Code, Is.Not.EqualTo(0));
        Assert.That(restored.Error, Does.Contain("Compression.Zstd"));
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "orders", "select count(*) from items"), Is.EqualTo("10"), "the database was not touched");
    }

    [Test]
    public async Task Restore_ZstdAndEncryption_RoundTripsThroughBothStages()
    {
        var db = await SeededPostgres("zstd-enc");
        var expected = await DatabaseContainers.PsqlAsync(db, Password, "orders", Checksum);
        var env = Backups.Environment(("BT_ENCRYPTION_ENABLED", "true"), ("BT_ENCRYPTION_KEY", Key), ("BT_COMPRESSION_LEVEL", "3"));
        var backup = await BaktainerProcess.RunAsync(env, "backup", "--target", db.Name);
        Assert.That(backup.Code, Is.EqualTo(0), backup.Error);
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(file, Does.EndWith(".sql.zst.enc"));
        Assert.That((manifest.Compression, manifest.CompressionLevel, manifest.Encryption is not null), Is.EqualTo(("zstd", 3, true)));
        Assert.That(File.ReadAllBytes(file)[..4], Is.Not.EqualTo(new byte[] { 0x28, 0xB5, 0x2F, 0xFD }), "compressed, then encrypted");

        await DatabaseContainers.PsqlAsync(db, Password, "orders", "delete from items where id > 10");
        var restored = await BaktainerProcess.RunAsync(env, "restore", "latest", "--target", db.Name, "--yes");
        Assert.That(restored.Code, Is.EqualTo(0), restored.Error);
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "orders", Checksum), Is.EqualTo(expected));
    }
}
