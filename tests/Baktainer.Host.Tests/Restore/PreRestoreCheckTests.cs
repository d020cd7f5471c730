using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Restore;
using Baktainer.Host.Tests.Support;

namespace Baktainer.Host.Tests.Restore;

/// <summary>The check before a restore: stored bytes against the manifest, and the full verification where the content was never checked here.</summary>
public sealed class PreRestoreCheckTests
{
    private PipelineHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new PipelineHarness();

    private Task<VerificationResult> Check(LocatedBackup located) => _harness.PreRestoreCheck.RunAsync(located, CancellationToken.None);

    [Test]
    public async Task RunAsync_Intact_Passes()
    {
        Assert.That((await Check(await _harness.StoredBackupAsync())).Error, Is.Null);
    }

    [Test]
    public async Task RunAsync_OneByteChanged_FailsOnSha256()
    {
        var located = await _harness.StoredBackupAsync();
        var data = _harness.Storage.Committed[located.Backup.Key].Data;
        data[^5] ^= 0xFF;

        Assert.That((await Check(located)).Error, Does.Contain("SHA-256").And.Contain("corrupted"));
    }

    [Test]
    public async Task RunAsync_ManifestSizeDiffers_FailsAsTruncated()
    {
        var located = await _harness.StoredBackupAsync();
        var manifest = located.Backup.Manifest! with { StoredSize = located.Backup.Manifest!.StoredSize + 1 };

        Assert.That((await Check(located with { Backup = located.Backup with { Manifest = manifest } })).Error, Does.Contain("truncated"));
    }

    [Test]
    public async Task RunAsync_LegacyBackupWithDumpCutShort_FullyVerifiedAndRefused()
    {
        // The original tool never checked its dumps: a matching SHA-256 proves nothing about the content.
        var raw = Encoding.UTF8.GetBytes("create table t(x);\ninsert into t values (1);\n");
        var gz = new MemoryStream();
        await using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) await zip.WriteAsync(raw);
        var bytes = gz.ToArray();
        var located = await _harness.StoredBackupAsync();
        var manifest = located.Backup.Manifest! with
        {
            Key = "legacy.sql.gz", Legacy = true, StoredSize = bytes.Length, RawSize = raw.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
        await using (var upload = await _harness.Storage.BeginUploadAsync(manifest.Key, CancellationToken.None))
        {
            await upload.Content.WriteAsync(bytes);
            await upload.CommitAsync(manifest, CancellationToken.None);
        }

        var result = await Check(new LocatedBackup(_harness.Storage, new StoredBackup(manifest.Key, bytes.Length, manifest.FinishedUtc, manifest)));

        Assert.That(result.Error, Does.Contain(ScriptedStrategy.Marker));
    }
}
