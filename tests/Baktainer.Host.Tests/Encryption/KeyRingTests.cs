using System.Security.Cryptography;
using Baktainer.Host.Encryption;

namespace Baktainer.Host.Tests.Encryption;

public sealed class KeyRingTests
{
    [Test]
    public async Task Decrypt_WrongKey_FailsNamingNeededKeyId()
    {
        var right = EncryptedFiles.NewKey();
        var wrong = EncryptedFiles.NewKey("BT_ENCRYPTION_KEY");
        var stored = await EncryptedFiles.EncryptAsync(EncryptedFiles.Plain(3000), right);
        var error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync(stored, wrong));
        Assert.That(error!.Message, Does.Contain($"encrypted with key {right.KeyId}, which is not available").And.Contain(wrong.KeyId));
    }

    [Test]
    public async Task Decrypt_NoKey_FailsSayingNoneConfigured()
    {
        var key = EncryptedFiles.NewKey();
        var stored = await EncryptedFiles.EncryptAsync(EncryptedFiles.Plain(3000), key);
        var error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync(stored));
        Assert.That(error!.Message, Does.Contain(key.KeyId).And.Contain("no decryption key is configured"));
    }

    [Test]
    public async Task Decrypt_OldKeyAmongSeveral_OpensOlderBackup()
    {
        var old = EncryptedFiles.NewKey("BT_ENCRYPTION_OLD_KEYS entry 1");
        var current = EncryptedFiles.NewKey("BT_ENCRYPTION_KEY");
        var plain = EncryptedFiles.Plain(4000);
        var stored = await EncryptedFiles.EncryptAsync(plain, old);
        Assert.That(await EncryptedFiles.DecryptAsync(stored, current, old), Is.EqualTo(plain));
    }

    [Test]
    public async Task Passphrase_TwoBackups_DifferentSaltsBothOpen()
    {
        var pass = new PassphraseKey("correct horse battery staple", "BT_ENCRYPTION_PASSPHRASE");
        var plain = EncryptedFiles.Plain(2500);
        var first = await EncryptedFiles.EncryptAsync(plain, pass);
        var second = await EncryptedFiles.EncryptAsync(plain, pass);
        var stanzaStart = EncryptionFormat.FixedHeaderSize + 2 + "passphrase".Length + 2;
        Assert.That(first.AsSpan(stanzaStart, 4).ToArray(), Is.EqualTo(new byte[] { 0x00, 0x09, 0x27, 0xC0 }), "600 000 iterations stored");
        Assert.That(first.AsSpan(stanzaStart + 4, 16).ToArray(), Is.Not.EqualTo(second.AsSpan(stanzaStart + 4, 16).ToArray()), "PBKDF2 salt differs per file");
        Assert.That(await EncryptedFiles.DecryptAsync(second, pass), Is.EqualTo(plain));
    }

    [Test]
    public async Task Passphrase_Wrong_FailsWithoutShowingEither()
    {
        var stored = await EncryptedFiles.EncryptAsync(EncryptedFiles.Plain(100), new PassphraseKey("the right passphrase", "BT_ENCRYPTION_PASSPHRASE"));
        var error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync(stored, new PassphraseKey("a wrong passphrase", "BT_ENCRYPTION_PASSPHRASE")));
        Assert.That(error!.Message, Does.Contain("wrong passphrase").And.Not.Contain("the right").And.Not.Contain("a wrong passphrase"));
    }

    [Test]
    public async Task P256_PublicKeyEncrypts_OnlyPrivateKeyDecrypts()
    {
        using var ec = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var recipients = RecipientText.Load(ec.ExportSubjectPublicKeyInfoPem(), "BT_ENCRYPTION_RECIPIENT");
        var identity = RecipientText.Read(ec.ExportPkcs8PrivateKeyPem(), "--key-file").Single();
        var plain = EncryptedFiles.Plain(5000);
        var stored = await EncryptedFiles.EncryptAsync(plain, recipients[0]);

        Assert.That(identity.KeyId, Is.EqualTo(recipients[0].KeyId));
        Assert.That(await EncryptedFiles.DecryptAsync(stored, identity), Is.EqualTo(plain));
        var error = Assert.ThrowsAsync<EncryptionException>(() => EncryptedFiles.DecryptAsync(stored, recipients[0]));
        Assert.That(error!.Message, Does.Contain("only the public key").And.Contain("--key-file"));
    }

    [Test]
    public void RecipientText_PrivateKeyGivenToDaemon_Rejected()
    {
        using var ec = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var error = Assert.Throws<EncryptionException>(() => RecipientText.Load(ec.ExportECPrivateKeyPem(), "BT_ENCRYPTION_RECIPIENT"));
        Assert.That(error!.Message, Does.Contain("holds a private key"));
    }

    [Test]
    public void KeyText_Forms_ParsedOrRejected()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        Assert.That(KeyText.Parse(Convert.ToHexString(bytes)), Is.EqualTo(bytes));
        Assert.That(KeyText.Parse("base64:" + Convert.ToBase64String(bytes)), Is.EqualTo(bytes));
        Assert.That(KeyText.Parse(Convert.ToBase64String(bytes)), Is.EqualTo(bytes));
        Assert.That(KeyText.ParseFile(bytes), Is.EqualTo(bytes));
        Assert.That(KeyText.Parse("abcd"), Is.Null);
        Assert.That(KeyText.Parse("base64:" + Convert.ToBase64String(bytes[..16])), Is.Null);
    }

    [Test]
    public void SymmetricKey_Id_IsStableAndRevealsNoKeyBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var id = new SymmetricKey(bytes, "a").KeyId;
        Assert.That(new SymmetricKey(bytes, "b").KeyId, Is.EqualTo(id));
        Assert.That(id, Does.Match("^k-[0-9a-f]{16}$"));
        Assert.That(Convert.ToHexStringLower(bytes), Does.Not.Contain(id[2..]));
    }
}
