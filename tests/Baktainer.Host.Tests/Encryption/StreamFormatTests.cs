using System.IO.Compression;
using Baktainer.Host.Encryption;

namespace Baktainer.Host.Tests.Encryption;

public sealed class StreamFormatTests
{
    private const int Length = EncryptedFiles.Segment * 5 + 300; // six segments, the last one partial

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(EncryptedFiles.Segment)]
    [TestCase(EncryptedFiles.Segment * 3)]
    [TestCase(Length)]
    public async Task Decrypt_WhatWasEncrypted_SameBytes(int length)
    {
        var key = EncryptedFiles.NewKey();
        var plain = EncryptedFiles.Plain(length);
        var stored = await EncryptedFiles.EncryptAsync(plain, key);
        Assert.That(await EncryptedFiles.DecryptAsync(stored, key), Is.EqualTo(plain));
    }

    [Test]
    public async Task Encrypt_SameDataTwice_DifferentBytesAndNoPlaintext()
    {
        var key = EncryptedFiles.NewKey();
        var plain = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("INSERT INTO items VALUES (42, 'secret row');\n", 100)));
        var first = await EncryptedFiles.EncryptAsync(plain, key);
        var second = await EncryptedFiles.EncryptAsync(plain, key);
        Assert.That(first, Is.Not.EqualTo(second), "random salt, nonce prefix and file key per file");
        Assert.That(System.Text.Encoding.ASCII.GetString(first), Does.Not.Contain("INSERT").And.Not.Contain("secret row"));
        Assert.That(first[..4], Is.EqualTo("BKTS"u8.ToArray()));
    }

    [Test]
    public async Task Decrypt_FlippedHeaderByte_Fails()
    {
        var key = EncryptedFiles.NewKey();
        var stored = await EncryptedFiles.EncryptAsync(EncryptedFiles.Plain(Length), key);
        foreach (var offset in new[] { 0, 4, 6, 20, 45, 48, 52 })
        {
            var damaged = (byte[])stored.Clone();
            damaged[offset] ^= 0x01;
            var error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync(damaged, key), $"header byte {offset}");
            Assert.That(error!.Message, Does.Contain("header").Or.Contain("segment 0").Or.Contain("not available"), $"header byte {offset}");
        }
    }

    [TestCase(2, "segment 2 fails authentication")]
    [TestCase(5, "segment 5 fails authentication")]
    public async Task Decrypt_FlippedSegmentByte_FailsNamingSegment(int segment, string expected)
    {
        var key = EncryptedFiles.NewKey();
        var stored = await EncryptedFiles.EncryptAsync(EncryptedFiles.Plain(Length), key);
        stored[EncryptedFiles.SegmentOffset(stored, Length, segment) + 10] ^= 0x80;
        var error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync(stored, key));
        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public async Task Decrypt_TruncatedAtSegmentBoundary_FailsAsTruncated()
    {
        var key = EncryptedFiles.NewKey();
        var stored = await EncryptedFiles.EncryptAsync(EncryptedFiles.Plain(Length), key);
        var cut = stored[..EncryptedFiles.SegmentOffset(stored, Length, 3)];
        var error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync(cut, key));
        Assert.That(error!.Message, Does.Contain("ends after segment 2 without its final segment").And.Contain("truncated"));
    }

    [TestCase(3, 500)]
    [TestCase(5, 100)]
    [TestCase(5, 5)]
    public async Task Decrypt_TruncatedInsideSegment_Fails(int segment, int into)
    {
        var key = EncryptedFiles.NewKey();
        var stored = await EncryptedFiles.EncryptAsync(EncryptedFiles.Plain(Length), key);
        var cut = stored[..(EncryptedFiles.SegmentOffset(stored, Length, segment) + into)];
        var error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync(cut, key));
        Assert.That(error!.Message, Does.Contain($"segment {segment}"));
    }

    [Test]
    public async Task Decrypt_HeaderOnly_FailsAsTruncated()
    {
        var key = EncryptedFiles.NewKey();
        var stored = await EncryptedFiles.EncryptAsync(EncryptedFiles.Plain(Length), key);
        var error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync(stored[..EncryptedFiles.SegmentOffset(stored, Length, 0)], key));
        Assert.That(error!.Message, Does.Contain("without any segment"));
        error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync(stored[..30], key));
        Assert.That(error!.Message, Does.Contain("inside its encryption header"));
    }

    [Test]
    public async Task Decrypt_TwoSegmentsSwapped_Fails()
    {
        var key = EncryptedFiles.NewKey();
        var stored = await EncryptedFiles.EncryptAsync(EncryptedFiles.Plain(Length), key);
        var a = EncryptedFiles.SegmentOffset(stored, Length, 1);
        var b = EncryptedFiles.SegmentOffset(stored, Length, 2);
        var swapped = (byte[])stored.Clone();
        stored.AsSpan(b, b - a).CopyTo(swapped.AsSpan(a));
        stored.AsSpan(a, b - a).CopyTo(swapped.AsSpan(b));
        var error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync(swapped, key));
        Assert.That(error!.Message, Does.Contain("segment 1 fails authentication"));
    }

    [Test]
    public async Task Decrypt_BytesAppendedAfterFullLastSegment_FailsAsExtended()
    {
        var key = EncryptedFiles.NewKey();
        var stored = await EncryptedFiles.EncryptAsync(EncryptedFiles.Plain(EncryptedFiles.Segment * 3), key);
        var error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync([.. stored, .. new byte[40]], key));
        Assert.That(error!.Message, Does.Contain("data follows the final segment 2"));
    }

    [Test]
    public async Task Decrypt_BytesAppendedToPartialLastSegment_FailsNamingIt()
    {
        var key = EncryptedFiles.NewKey();
        var stored = await EncryptedFiles.EncryptAsync(EncryptedFiles.Plain(Length), key);
        var error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync([.. stored, 1, 2, 3], key));
        Assert.That(error!.Message, Does.Contain("segment 5"));
    }

    [Test]
    public async Task Decrypt_NotFinished_NeverDecrypts()
    {
        var key = EncryptedFiles.NewKey();
        using var output = new MemoryStream();
        await using (var encrypting = new EncryptingStream(output, [key], EncryptedFiles.Segment))
            await encrypting.WriteAsync(EncryptedFiles.Plain(Length)); // interrupted: no FinishAsync
        Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync(output.ToArray(), key));
    }

    [Test]
    public async Task Decrypt_GzipThenEncrypt_DoesNotGunzip()
    {
        var key = EncryptedFiles.NewKey();
        using var gz = new MemoryStream();
        await using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) zip.Write(EncryptedFiles.Plain(5000));
        var stored = await EncryptedFiles.EncryptAsync(gz.ToArray(), key);
        Assert.Throws<InvalidDataException>(() => new GZipStream(new MemoryStream(stored), CompressionMode.Decompress).CopyTo(Stream.Null));
    }
}
