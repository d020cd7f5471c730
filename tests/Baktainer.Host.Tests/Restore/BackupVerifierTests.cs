using System.IO.Compression;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Restore;
using Baktainer.Host.Tests.Support;

namespace Baktainer.Host.Tests.Restore;

/// <summary>Each check the verifier claims to make fails for the reason it names (in-memory storage, scripted engine).</summary>
public sealed class BackupVerifierTests
{
    private PipelineHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new PipelineHarness();

    private Task<VerificationResult> Verify(LocatedBackup located) => _harness.Verifier.VerifyAsync(located, CancellationToken.None);

    [Test]
    public async Task VerifyAsync_Intact_Passes()
    {
        Assert.That((await Verify(await _harness.StoredBackupAsync())).Error, Is.Null);
    }

    [Test]
    public async Task VerifyAsync_OneByteChanged_FailsOnSha256()
    {
        var located = await _harness.StoredBackupAsync();
        var data = _harness.Storage.Committed[located.Backup.Key].Data;
        data[data.Length / 2] ^= 0xFF; // in place: the stored bytes themselves

        Assert.That((await Verify(located)).Error, Does.Contain("SHA-256").IgnoreCase);
    }

    [Test]
    public async Task VerifyAsync_NoManifest_FailsSayingSo()
    {
        var located = await _harness.StoredBackupAsync();
        var result = await Verify(located with { Backup = located.Backup with { Manifest = null } });
        Assert.That(result.Error, Does.Contain("no manifest"));
    }

    [Test]
    public async Task VerifyAsync_CompleteGzipButDumpCutShort_FailsOnCompletionMarker()
    {
        var located = await _harness.StoredBackupAsync();
        // A well-formed gzip of a dump missing its marker, with a manifest that matches it byte for byte.
        var raw = System.Text.Encoding.UTF8.GetBytes("create table t(x);\ninsert into t values (1);\n");
        var gz = new MemoryStream();
        await using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) await zip.WriteAsync(raw);
        var bytes = gz.ToArray();
        var manifest = located.Backup.Manifest! with
        {
            StoredSize = bytes.Length, RawSize = raw.Length, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
        };
        await using (var upload = await _harness.Storage.BeginUploadAsync("cut.sql.gz", CancellationToken.None))
        {
            await upload.Content.WriteAsync(bytes);
            await upload.CommitAsync(manifest with { Key = "cut.sql.gz" }, CancellationToken.None);
        }

        var result = await Verify(new LocatedBackup(_harness.Storage, new StoredBackup("cut.sql.gz", bytes.Length, manifest.FinishedUtc, manifest with { Key = "cut.sql.gz" })));

        Assert.That(result.Error, Does.Contain(ScriptedStrategy.Marker));
    }

    [Test]
    public async Task VerifyAsync_EngineNotLoaded_FailsNamingEngine()
    {
        var located = await _harness.StoredBackupAsync();
        var result = await Verify(located with { Backup = located.Backup with { Manifest = located.Backup.Manifest! with { Engine = "oracle" } } });
        Assert.That(result.Error, Does.Contain("'oracle'"));
    }
}
