using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;
using Baktainer.Tests.Shared;
using Storage.S3.Tests.Support;

namespace Storage.S3.Tests;

/// <summary>What <c>validate</c> runs before any backup: wrong credentials, a missing bucket and an unreachable endpoint are each named.</summary>
[TestFixture]
public sealed class S3CheckTests
{
    private S3rver _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await S3rver.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public void Check_GoodSettings_Passes()
    {
        var storage = S3Targets.Create(_server);
        Assert.DoesNotThrowAsync(() => ((IStorageCheck)storage).CheckAsync(CancellationToken.None), "the bucket answered");
    }

    [Test]
    public void Check_UnknownAccessKey_SaysCredentialsRejected()
    {
        var storage = S3Targets.Create(_server, new() { ["AccessKeyId"] = "NOBODY" });
        var e = Assert.ThrowsAsync<BaktainerException>(() => ((IStorageCheck)storage).CheckAsync(CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("credentials were rejected"));
    }

    [Test]
    public void Check_MissingBucket_NamesTheBucket()
    {
        var storage = S3Targets.Create(_server.Endpoint, "no-such-bucket");
        var e = Assert.ThrowsAsync<BaktainerException>(() => ((IStorageCheck)storage).CheckAsync(CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("bucket 'no-such-bucket' does not exist"));
    }

    [Test]
    public void Check_NothingListening_SaysEndpointUnreachable()
    {
        var endpoint = $"http://127.0.0.1:{S3rver.FreePort()}";
        var storage = S3Targets.Create(endpoint, "backups");
        var e = Assert.ThrowsAsync<BaktainerException>(() => ((IStorageCheck)storage).CheckAsync(CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("endpoint unreachable").And.Contain(endpoint));
    }

    [Test]
    public async Task BeginUpload_MissingBucket_FailsAtCommitNamingTheEntry()
    {
        var storage = S3Targets.Create(_server.Endpoint, "no-such-bucket");
        await using var upload = await storage.BeginUploadAsync("2026-11-22/x-1.sql.gz", CancellationToken.None);
        await upload.Content.WriteAsync(new byte[100]);
        var e = Assert.ThrowsAsync<BaktainerException>(() => upload.CommitAsync(S3Targets.Manifest(upload.Key, new byte[100]), CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("s3 storage 'offsite'").And.Contain("does not exist"));
    }
}
