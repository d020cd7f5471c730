using System.Text;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;
using Baktainer.Storage.Local;
using Baktainer.Tests.Shared;
using Microsoft.Extensions.Configuration;

namespace Storage.Tests.Local;

public sealed class LocalStorageTargetTests
{
    private TempFolder _root = null!;
    private LocalStorageTarget _storage = null!;

    [SetUp]
    public void SetUp()
    {
        _root = new TempFolder("bt-local");
        _storage = new LocalStorageTarget("local", new LocalStorageOptions(_root.Path));
    }

    [TearDown]
    public void TearDown() => _root.Dispose();

    private static BackupManifest Manifest(string key) => new() { Id = "id-1", Target = "db", Engine = "postgres", Key = key, Sha256 = "ab" };

    private IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(_root.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_root.Path, f)).Order().ToList();

    [Test]
    public async Task Commit_WritesFileAndManifest_ListedWithManifest()
    {
        const string key = "2026-11-22/db-1763769600.sql.gz";
        await using (var upload = await _storage.BeginUploadAsync(key, CancellationToken.None))
        {
            await upload.Content.WriteAsync(Encoding.ASCII.GetBytes("dump bytes"));
            Assert.That(Files(), Has.All.Contains(".partial"), "nothing visible before commit");
            await upload.CommitAsync(Manifest(key), CancellationToken.None);
        }

        Assert.That(Files(), Is.EqualTo(new[] { key, key + ".json" }));
        var listed = new List<StoredBackup>();
        await foreach (var b in _storage.ListAsync(CancellationToken.None)) listed.Add(b);
        Assert.That(listed.Single().Key, Is.EqualTo(key));
        Assert.That(listed.Single().Size, Is.EqualTo(10));
        Assert.That(listed.Single().Manifest!.Id, Is.EqualTo("id-1"));
        await using var read = await _storage.OpenReadAsync(key, CancellationToken.None);
        Assert.That(new StreamReader(read).ReadToEnd(), Is.EqualTo("dump bytes"));
    }

    [Test]
    public async Task Dispose_WithoutCommit_LeavesNothing()
    {
        await using (var upload = await _storage.BeginUploadAsync("2026-11-22/db-1.sql", CancellationToken.None))
            await upload.Content.WriteAsync(new byte[100_000]);
        Assert.That(Files(), Is.Empty);
    }

    [TestCase("../escape.sql")]
    [TestCase("2026-11-22/../../escape.sql")]
    [TestCase("/etc/passwd")]
    [TestCase("2026-11-22/.hidden.partial")]
    [TestCase("a//b")]
    public void BeginUpload_UnsafeKey_Refused(string key)
    {
        var e = Assert.ThrowsAsync<BaktainerException>(() => _storage.BeginUploadAsync(key, CancellationToken.None));
        Assert.That(e!.Message, Does.Contain(key));
        Assert.That(Files(), Is.Empty);
    }

    [Test]
    public async Task Commit_SameNameAppearedMeanwhile_RefusedAndOtherKept()
    {
        const string key = "2026-11-22/db-5.sql";
        await using (var upload = await _storage.BeginUploadAsync(key, CancellationToken.None))
        {
            await upload.Content.WriteAsync("mine"u8.ToArray());
            await File.WriteAllTextAsync(_root.Combine(key), "theirs"); // another process committed this very name in between
            Assert.ThrowsAsync<BaktainerException>(() => upload.CommitAsync(Manifest(key), CancellationToken.None));
        }
        Assert.That(File.ReadAllText(_root.Combine(key)), Is.EqualTo("theirs"));
        Assert.That(Files(), Is.EqualTo(new[] { key }));
    }

    [Test]
    public async Task CleanTemporaries_RemovesCrashLeftoversButNotLiveUploads()
    {
        Directory.CreateDirectory(_root.Combine("2026-11-20"));
        File.WriteAllText(_root.Combine("2026-11-20", ".db-1.sql.gz.0123.partial"), "left by a crash");
        await using var live = await _storage.BeginUploadAsync("2026-11-22/db-2.sql", CancellationToken.None);
        await live.Content.WriteAsync("in progress"u8.ToArray());

        var removed = _storage.CleanTemporaries();

        Assert.That(removed, Is.EqualTo(1));
        Assert.That(Files(), Has.Count.EqualTo(1).And.All.StartWith("2026-11-22" + Path.DirectorySeparatorChar + ".db-2.sql"));
    }

    [Test]
    public void BeginUpload_BelowMinimumFreeSpace_RefusedWithFigures()
    {
        var storage = new LocalStorageTarget("local", new LocalStorageOptions(_root.Path, MinFreeSpaceGb: 1_000_000));
        var e = Assert.ThrowsAsync<BaktainerException>(() => storage.BeginUploadAsync("2026-11-22/x.sql", CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("below BT_MIN_FREE_SPACE_GB=1000000"));
        Assert.That(Files(), Is.Empty);
    }

    [Test]
    public async Task Delete_RemovesFileAndManifest()
    {
        const string key = "2026-11-22/db-9.sql";
        await using (var upload = await _storage.BeginUploadAsync(key, CancellationToken.None))
            await upload.CommitAsync(Manifest(key), CancellationToken.None);
        await _storage.DeleteAsync(key, CancellationToken.None);
        Assert.That(Files(), Is.Empty);
    }

    [TestCase("relative/path", "local storage 'offsite': Path has invalid value \"relative/path\"; expected an absolute folder")]
    [TestCase("", "local storage 'offsite': Path is missing; expected an absolute folder")]
    public void Options_RelativePath_ErrorNamesStorage(string path, string expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Path"] = path }).Build();
        var e = Assert.Throws<BaktainerException>(() => LocalStorageOptions.From("offsite", config));
        Assert.That(e!.Message, Does.StartWith(expected));
    }

    [Test]
    public void Options_SeveralBadSettings_AllListedWithTheirKeys()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:2:Path"] = "backups", ["Storage:2:MinFreeSpaceGb"] = "-1", ["Storage:2:FileMode"] = "0777",
        }).Build().GetSection("Storage:2");
        var e = Assert.Throws<BaktainerException>(() => LocalStorageOptions.From("disk", config));
        Assert.That(e!.Message, Does.Contain("Storage:2:Path has invalid value \"backups\"")
            .And.Contain("Storage:2:MinFreeSpaceGb has invalid value \"-1\"; expected a number from 0 to 1000000")
            .And.Contain("Storage:2:FileMode has invalid value \"0777\""));
    }

    [Test]
    public void OptionsFromGlobal_GlobalKeys_ReadAsTheDefaultStorage()
    {
        var global = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BackupDir"] = "/srv/backups", ["MinFreeSpaceGb"] = "2.5", ["FileMode"] = "0640", ["Path"] = "/not/this/one",
        }).Build();
        var options = LocalStorageOptions.FromGlobal(global);
        Assert.That((options.Path, options.MinFreeSpaceGb, options.FileMode),
            Is.EqualTo(("/srv/backups", 2.5, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)));
    }

    [Test]
    public void OptionsFromGlobal_Nothing_BackupsFolder()
    {
        var options = LocalStorageOptions.FromGlobal(new ConfigurationBuilder().Build());
        Assert.That((options.Path, options.MinFreeSpaceGb, options.FileMode), Is.EqualTo(("/backups", 0.0, FileModes.DefaultFile)));
    }

    [Test]
    public void OptionsFromGlobal_RelativeBackupDir_ErrorNamesTheGlobalKey()
    {
        var global = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["BackupDir"] = "backups" }).Build();
        var e = Assert.Throws<BaktainerException>(() => LocalStorageOptions.FromGlobal(global));
        Assert.That(e!.Message, Does.StartWith("BackupDir has invalid value \"backups\"; expected an absolute folder"));
    }
}
