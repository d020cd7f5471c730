using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Baktainer.Host.Encryption;
using Baktainer.Tests.Shared;

namespace Baktainer.Host.Tests.Encryption;

/// <summary>
/// The format description is the proof: the Python script in docs/encryption.md, run as a user
/// would run it, decrypts what Baktainer wrote (python3 with the cryptography package; .ci/run installs it).
/// </summary>
public sealed partial class DocumentedDecryptScriptTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder("bt-decrypt-doc");

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task Script_Key_DecryptsGzipBackup()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await AssertDecryptsAsync(new SymmetricKey(key, "test"), "--key", Convert.ToHexStringLower(key));
    }

    [Test]
    public async Task Script_Passphrase_Decrypts() =>
        await AssertDecryptsAsync(new PassphraseKey("documented passphrase", "test"), "--passphrase", "documented passphrase");

    [Test]
    public async Task Script_P256PrivateKey_Decrypts()
    {
        using var ec = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var pem = _folder.Combine("key.pem");
        await File.WriteAllTextAsync(pem, ec.ExportPkcs8PrivateKeyPem());
        await AssertDecryptsAsync(RecipientText.Load(ec.ExportSubjectPublicKeyInfoPem(), "test")[0], "--private-key", pem);
    }

    [Test]
    public async Task Script_DamagedSegment_Fails()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var (file, _) = await EncryptGzipAsync(new SymmetricKey(key, "test"));
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^100] ^= 1;
        await File.WriteAllBytesAsync(file, bytes);
        var (code, _, error) = await RunScriptAsync(file, "--key", Convert.ToHexStringLower(key));
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(error, Does.Contain("InvalidTag"));
    }

    private async Task AssertDecryptsAsync(IRecipient recipient, string mode, string secret)
    {
        var (file, plain) = await EncryptGzipAsync(recipient);
        var (code, output, error) = await RunScriptAsync(file, mode, secret);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo(plain));
    }

    private async Task<(string File, string Plain)> EncryptGzipAsync(IRecipient recipient)
    {
        var plain = string.Concat(Enumerable.Range(0, 30000).Select(i => $"INSERT INTO t VALUES ({i}, '{Guid.NewGuid()}');\n"));
        var file = _folder.Combine("backup.sql.gz.enc");
        await using (var output = File.Create(file))
        await using (var encrypting = new EncryptingStream(output, [recipient]))
        {
            await using (var gzip = new GZipStream(encrypting, CompressionLevel.Fastest, leaveOpen: true))
                await gzip.WriteAsync(System.Text.Encoding.ASCII.GetBytes(plain));
            await encrypting.FinishAsync(CancellationToken.None);
        }
        return (file, plain);
    }

    private async Task<(int Code, string Output, string Error)> RunScriptAsync(string file, string mode, string secret)
    {
        var doc = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "encryption.md"));
        var script = _folder.Combine("decrypt.py");
        await File.WriteAllTextAsync(script, PythonBlock().Match(doc).Groups[1].Value);
        var info = new ProcessStartInfo("sh", ["-c", "python3 \"$0\" \"$1\" \"$2\" \"$3\" | gunzip", script, file, mode, secret])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex("```python\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex PythonBlock();
}
