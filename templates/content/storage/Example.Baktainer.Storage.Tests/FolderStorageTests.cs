using System.Text;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.Configuration;

namespace Example.Baktainer.Storage.Tests;

/// <summary>The storage created from settings as the host creates it, on a real temporary folder.</summary>
public sealed class FolderStorageTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("examplestore-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private IStorageTarget Create(string? path = null) =>
        new FolderStorageFactory().Create("offsite", new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Type"] = FolderStorageFactory.TypeName, ["Path"] = path ?? _folder }).Build());

    private static BackupManifest Manifest(string key) =>
        new() { Id = "b1", Target = "orders", Engine = "postgres", Key = key, Sha256 = new string('a', 64), RawSize = 5 };

    [Test]
    public async Task CommitAsync_Upload_IsListedWithItsManifestAndReadsBack()
    {
        var storage = Create();
        await using (var upload = await storage.BeginUploadAsync("2026-11-22/orders.sql", CancellationToken.None))
        {
            await upload.Content.WriteAsync("hello"u8.ToArray());
            await upload.CommitAsync(Manifest(upload.Key), CancellationToken.None);
        }

        var listed = await storage.ListAsync(CancellationToken.None).ToListAsync();
        await using var read = await storage.OpenReadAsync("2026-11-22/orders.sql", CancellationToken.None);
        using var reader = new StreamReader(read, Encoding.UTF8);

        Assert.That(listed.Select(b => (b.Key, b.Size, b.Manifest?.Target)), Is.EqualTo(new[] { ("2026-11-22/orders.sql", 5L, (string?)"orders") }));
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("hello"));
    }

    [Test]
    public async Task DisposeAsync_WithoutCommit_LeavesNothing()
    {
        var storage = Create();
        await using (var upload = await storage.BeginUploadAsync("orders.sql", CancellationToken.None))
        {
            await upload.Content.WriteAsync("half a dump"u8.ToArray());
            Assert.That(await storage.ListAsync(CancellationToken.None).ToListAsync(), Is.Empty, "nothing is visible before the commit");
        }

        Assert.That(Directory.GetFileSystemEntries(_folder, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task DeleteAsync_CommittedBackup_RemovesItAndItsManifest()
    {
        var storage = Create();
        await using (var upload = await storage.BeginUploadAsync("orders.sql", CancellationToken.None))
            await upload.CommitAsync(Manifest(upload.Key), CancellationToken.None);

        await storage.DeleteAsync("orders.sql", CancellationToken.None);

        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }

    [Test]
    public async Task IsTakenAsync_KeyBeingWrittenOrCommitted_IsTaken()
    {
        var storage = Create();
        var lookup = (IStorageKeyLookup)storage;
        await using (var upload = await storage.BeginUploadAsync("orders.sql", CancellationToken.None))
        {
            Assert.That(await lookup.IsTakenAsync("orders.sql", CancellationToken.None), Is.True, "being written");
            await upload.CommitAsync(Manifest(upload.Key), CancellationToken.None);
        }

        Assert.That(await lookup.IsTakenAsync("orders.sql", CancellationToken.None), Is.True, "committed");
        Assert.That(await lookup.IsTakenAsync("orders-2.sql", CancellationToken.None), Is.False);
    }

    [TestCase("../outside.sql")]
    [TestCase("/etc/outside.sql")]
    public void BeginUploadAsync_KeyOutsideTheFolder_IsRefused(string key)
    {
        var error = Assert.ThrowsAsync<BaktainerException>(() => Create().BeginUploadAsync(key, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("'offsite'").And.Contain("invalid key"));
    }

    [Test]
    public void Create_RelativePath_NamesTheKey()
    {
        var error = Assert.Throws<BaktainerException>(() => Create("backups"));

        Assert.That(error!.Message, Does.Contain("'offsite'").And.Contain("Path"));
    }

    [Test]
    public void CheckAsync_MissingFolder_SaysSo()
    {
        var storage = (IStorageCheck)Create(Path.Combine(_folder, "missing"));

        var error = Assert.ThrowsAsync<BaktainerException>(() => storage.CheckAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("does not exist"));
    }
}
