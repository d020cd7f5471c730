using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;
using Baktainer.Tests.Shared;
using Storage.S3.Tests.Support;

namespace Storage.S3.Tests;

/// <summary>The S3 storage target against a real S3-protocol server (s3rver on 127.0.0.1).</summary>
[TestFixture]
public sealed class S3StorageTargetTests
{
    private S3rver _server = null!;
    private IStorageTarget _storage = null!;

    [SetUp]
    public async Task StartServer()
    {
        _server = await S3rver.StartAsync();
        _storage = S3Targets.Create(_server, new() { ["Prefix"] = "team/db" });
    }

    [TearDown]
    public async Task StopServer()
    {
        (_storage as IDisposable)?.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Commit_DumpOfThreeParts_StoredByteForByteWithManifestLast()
    {
        var data = S3Targets.RandomBytes(12 * 1024 * 1024 + 12345); // 5 MiB parts: 3 parts, the last one short
        const string key = "2026-11-22/orders-1763769600.sql.gz";
        await using (var upload = await _storage.BeginUploadAsync(key, CancellationToken.None))
        {
            await S3Targets.WriteInChunksAsync(upload.Content, data);
            Assert.That(await _server.ListKeysAsync(), Is.Empty, "nothing may be visible before the commit");
            await upload.CommitAsync(S3Targets.Manifest(key, data), CancellationToken.None);
        }

        Assert.That(await _server.ListKeysAsync(), Is.EquivalentTo(new[] { "team/db/" + key, "team/db/" + key + ".json" }));
        Assert.That(await _server.GetAsync("team/db/" + key), Is.EqualTo(data));
        var listed = await _storage.ListAsync(CancellationToken.None).ToListAsync();
        Assert.That(listed.Select(b => (b.Key, b.Size, b.Manifest?.Target)), Is.EqualTo(new[] { (key, (long)data.Length, (string?)"orders") }));
        await using var read = await _storage.OpenReadAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(data));
    }

    [Test]
    public async Task IsTaken_CommittedBackupOrStrayObject_TakenOtherKeysFree()
    {
        var lookup = (IStorageKeyLookup)_storage;
        var data = S3Targets.RandomBytes(1000);
        const string key = "2026-11-22/orders-1763769600.sql.gz";
        Assert.That(await lookup.IsTakenAsync(key, CancellationToken.None), Is.False);
        await using (var upload = await _storage.BeginUploadAsync(key, CancellationToken.None))
        {
            await upload.Content.WriteAsync(data);
            await upload.CommitAsync(S3Targets.Manifest(key, data), CancellationToken.None);
        }
        await _server.PutAsync("team/db/2026-11-22/orders-1763769601.sql.gz.json", "{}"u8.ToArray());

        Assert.That(await lookup.IsTakenAsync(key, CancellationToken.None), Is.True);
        Assert.That(await lookup.IsTakenAsync("2026-11-22/orders-1763769601.sql.gz", CancellationToken.None), Is.True, "a manifest alone takes the key");
        Assert.That(await lookup.IsTakenAsync("2026-11-22/orders-1763769600-2.sql.gz", CancellationToken.None), Is.False);
    }

    [Test]
    public async Task Commit_DumpSmallerThanOnePart_StoredWithOnePut()
    {
        var data = S3Targets.RandomBytes(1000);
        await using (var upload = await _storage.BeginUploadAsync("2026-11-22/small-1.sql.gz", CancellationToken.None))
        {
            await upload.Content.WriteAsync(data);
            await upload.CommitAsync(S3Targets.Manifest(upload.Key, data), CancellationToken.None);
        }
        Assert.That(await _server.GetAsync("team/db/2026-11-22/small-1.sql.gz"), Is.EqualTo(data), "1000 bytes must stay 1000 bytes (no chunk-signature framing)");
    }

    [Test]
    public async Task Dispose_WithoutCommitAfterTwoParts_NothingVisibleInTheBucket()
    {
        await using (var upload = await _storage.BeginUploadAsync("2026-11-22/aborted-1.sql.gz", CancellationToken.None))
            await S3Targets.WriteInChunksAsync(upload.Content, S3Targets.RandomBytes(11 * 1024 * 1024));

        Assert.That(await _server.ListKeysAsync(), Is.Empty);
        Assert.That(await _storage.ListAsync(CancellationToken.None).ToListAsync(), Is.Empty);
    }

    [Test]
    public async Task List_DataObjectWithoutManifest_NotABackup()
    {
        using var http = new HttpClient();
        (await http.PutAsync($"{_server.Endpoint}/{_server.Bucket}/team/db/2026-11-22/orphan-1.sql.gz", new ByteArrayContent([1, 2, 3]))).EnsureSuccessStatusCode();

        Assert.That(await _storage.ListAsync(CancellationToken.None).ToListAsync(), Is.Empty);
    }

    [Test]
    public async Task Delete_CommittedBackup_RemovesDataAndManifest()
    {
        var data = S3Targets.RandomBytes(2000);
        await using (var upload = await _storage.BeginUploadAsync("2026-11-22/gone-1.sql.gz", CancellationToken.None))
        {
            await upload.Content.WriteAsync(data);
            await upload.CommitAsync(S3Targets.Manifest(upload.Key, data), CancellationToken.None);
        }
        await _storage.DeleteAsync("2026-11-22/gone-1.sql.gz", CancellationToken.None);

        Assert.That(await _server.ListKeysAsync(), Is.Empty);
    }

    [Test]
    public async Task UpdateManifest_CommittedBackup_ReadersSeeTheNewManifest()
    {
        var data = S3Targets.RandomBytes(2000);
        var manifest = S3Targets.Manifest("2026-11-22/v-1.sql.gz", data);
        await using (var upload = await _storage.BeginUploadAsync(manifest.Key, CancellationToken.None))
        {
            await upload.Content.WriteAsync(data);
            await upload.CommitAsync(manifest, CancellationToken.None);
        }
        await ((IManifestUpdater)_storage).UpdateManifestAsync(manifest.Key, manifest with { Verification = "checksum" }, CancellationToken.None);

        var listed = await _storage.ListAsync(CancellationToken.None).SingleAsync();
        Assert.That(listed.Manifest!.Verification, Is.EqualTo("checksum"));
    }

    [Test]
    public void OpenRead_MissingObject_NamesKeyAndStorage()
    {
        var e = Assert.ThrowsAsync<BaktainerException>(() => _storage.OpenReadAsync("2026-11-22/none-1.sql.gz", CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("none-1.sql.gz").And.Contain("'offsite'"));
    }
}
