using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;
using Baktainer.Storage.Local;
using Baktainer.Tests.Shared;
using Microsoft.Extensions.Configuration;

namespace Storage.Tests.Local;

/// <summary>Backups hold whole databases: files 0600 and created folders 0700 unless FileMode (BT_FILE_MODE) loosens it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LocalStorageModeTests
{
    private TempFolder _root = null!;

    [SetUp]
    public void SetUp() => _root = new TempFolder("bt-modes");

    [TearDown]
    public void TearDown() => _root.Dispose();

    private async Task<string> Backup(LocalStorageOptions options, bool verify = false)
    {
        var storage = new LocalStorageTarget("local", options);
        const string key = "2026-11-22/db-1763769600.sql.gz";
        var manifest = new BackupManifest { Id = "x", Target = "db", Engine = "postgres", Key = key, Sha256 = "ab" };
        await using (var upload = await storage.BeginUploadAsync(key, CancellationToken.None))
        {
            await upload.Content.WriteAsync("secret rows"u8.ToArray());
            await upload.CommitAsync(manifest, CancellationToken.None);
        }
        if (verify) await storage.UpdateManifestAsync(key, manifest with { Verification = "checksum" }, CancellationToken.None);
        return key;
    }

    [Test]
    public async Task Commit_DefaultMode_FilesOwnerOnlyFolderOwnerOnly()
    {
        var key = await Backup(new LocalStorageOptions(_root.Combine("backups")), verify: true);

        Assert.That(File.GetUnixFileMode(_root.Combine("backups", key)), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.GetUnixFileMode(_root.Combine("backups", key + ".json")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "the updated manifest too");
        Assert.That(File.GetUnixFileMode(_root.Combine("backups", "2026-11-22")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }

    [Test]
    public async Task Commit_FileMode0640_GroupMayReadFolder0750()
    {
        var options = LocalStorageOptions.From("local", Section(("Path", _root.Path), ("FileMode", "0640")));
        var key = await Backup(options);

        Assert.That(FileModes.Format(File.GetUnixFileMode(_root.Combine(key))), Is.EqualTo("0640"));
        Assert.That(FileModes.Format(File.GetUnixFileMode(_root.Combine(key + ".json"))), Is.EqualTo("0640"));
        Assert.That(FileModes.Format(File.GetUnixFileMode(_root.Combine("2026-11-22"))), Is.EqualTo("0750"));
    }

    [TestCase("777")]
    [TestCase("0400")]
    [TestCase("rw-r--r--")]
    [TestCase("0608")]
    public void From_BadFileMode_ErrorNamesSettingAndValidForm(string mode)
    {
        var e = Assert.Throws<BaktainerException>(() => LocalStorageOptions.From("local", Section(("Path", _root.Path), ("FileMode", mode))));
        Assert.That(e!.Message, Does.Contain($"FileMode has invalid value \"{mode}\"").And.Contain("0600"));
        var global = Assert.Throws<BaktainerException>(() => LocalStorageOptions.FromGlobal(Section(("FileMode", mode))));
        Assert.That(global!.Message, Does.Contain($"FileMode has invalid value \"{mode}\"").And.Contain("0600"), "the default storage's BT_FILE_MODE (named by the host's configuration: DefaultStorageTests)");
    }

    private static IConfiguration Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
