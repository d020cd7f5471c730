using Baktainer.Abstractions.Storage;
using Baktainer.Storage.Local;
using Baktainer.Tests.Shared;

namespace Storage.Tests.Local;

/// <summary>Two backups of one target in the same second both succeed, the second under a suffixed name.</summary>
public sealed class LocalStorageNamingTests
{
    private TempFolder _root = null!;
    private LocalStorageTarget _storage = null!;

    [SetUp]
    public void SetUp()
    {
        _root = new TempFolder("bt-naming");
        _storage = new LocalStorageTarget("local", new LocalStorageOptions(_root.Path));
    }

    [TearDown]
    public void TearDown() => _root.Dispose();

    private async Task<string> Backup(string key, string content)
    {
        await using var upload = await _storage.BeginUploadAsync(key, CancellationToken.None);
        await upload.Content.WriteAsync(System.Text.Encoding.ASCII.GetBytes(content));
        await upload.CommitAsync(new BackupManifest { Id = content, Target = "db", Engine = "postgres", Key = key, Sha256 = "ab" }, CancellationToken.None);
        return upload.Key;
    }

    [Test]
    public async Task BeginUpload_SameSecondTwice_SecondGetsSuffixBothKept()
    {
        const string key = "2026-11-22/db-1763769600.sql.gz";
        var first = await Backup(key, "first");
        var second = await Backup(key, "second");

        Assert.That(first, Is.EqualTo(key), "the original naming when there is no collision");
        Assert.That(second, Is.EqualTo("2026-11-22/db-1763769600-2.sql.gz"));
        Assert.That(File.ReadAllText(_root.Combine(first)), Is.EqualTo("first"));
        Assert.That(File.ReadAllText(_root.Combine(second)), Is.EqualTo("second"));
        var manifest = ManifestJson.TryParse(File.ReadAllBytes(_root.Combine(second + ".json")));
        Assert.That(manifest!.Key, Is.EqualTo(second), "the manifest names the key the backup really has");
    }

    [Test]
    public async Task BeginUpload_TwoAtOnce_DistinctNamesBothCommitted()
    {
        const string key = "2026-11-22/db-1763769600.sql";
        await using var a = await _storage.BeginUploadAsync(key, CancellationToken.None);
        await using var b = await _storage.BeginUploadAsync(key, CancellationToken.None);
        Assert.That(b.Key, Is.Not.EqualTo(a.Key), "the second sees the first still being written");
        foreach (var upload in new[] { a, b })
        {
            await upload.Content.WriteAsync("x"u8.ToArray());
            await upload.CommitAsync(new BackupManifest { Id = upload.Key, Target = "db", Engine = "postgres", Key = key, Sha256 = "ab" }, CancellationToken.None);
        }
        Assert.That(File.Exists(_root.Combine(a.Key)) && File.Exists(_root.Combine(b.Key)), Is.True);
    }

    [Test]
    public async Task BeginUpload_ReservedByAnotherProcess_NextNameAndLookupSaysTaken()
    {
        const string key = "2026-11-22/db-1763769600.sql";
        Directory.CreateDirectory(_root.Combine("2026-11-22"));
        File.WriteAllText(_root.Combine("2026-11-22/.db-1763769600.sql.partial"), "being written by another process");
        Assert.That(await _storage.IsTakenAsync(key, CancellationToken.None), Is.True);
        Assert.That(await _storage.IsTakenAsync("2026-11-22/db-1763769600-2.sql", CancellationToken.None), Is.False);

        await using var upload = await _storage.BeginUploadAsync(key, CancellationToken.None);

        Assert.That(upload.Key, Is.EqualTo("2026-11-22/db-1763769600-2.sql"));
        Assert.That(await _storage.IsTakenAsync(upload.Key, CancellationToken.None), Is.True, "a name being written is taken");
    }
}
