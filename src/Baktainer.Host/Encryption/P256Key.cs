using System.Security.Cryptography;
using System.Text;

namespace Baktainer.Host.Encryption;

/// <summary>
/// ECDH P-256 keys (PEM). The public key (BT_ENCRYPTION_RECIPIENT) wraps each file key to a fresh
/// ephemeral key pair; only the private key (<c>--key-file</c>) unwraps it, so a daemon holding
/// just the public key cannot read its own backups. Stanza body: the ephemeral public point
/// (65 bytes, uncompressed) then the wrapped file key; wrapping key = HKDF-SHA-256(shared x,
/// ephemeral point || recipient point, "baktainer p256 wrap v1"). Key id: <c>p256-</c> and the first
/// 8 bytes of SHA-256 of the recipient's SubjectPublicKeyInfo (DER), in hex.
/// </summary>
internal sealed class P256Key : IRecipient, IIdentity
{
    private const int PointSize = 65;
    private static readonly byte[] WrapInfo = Encoding.ASCII.GetBytes("baktainer p256 wrap v1");
    private readonly ECDiffieHellman _key;
    private readonly byte[] _point;

    private P256Key(ECDiffieHellman key, string source)
    {
        if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            throw new EncryptionException($"{source} is not a P-256 key; Baktainer recipients are ECDH P-256 keys (openssl ecparam -name prime256v1)");
        _key = key;
        Source = source;
        _point = Point(key.PublicKey);
        KeyId = "p256-" + Convert.ToHexStringLower(SHA256.HashData(key.PublicKey.ExportSubjectPublicKeyInfo()).AsSpan(0, 8));
    }

    public string KeyId { get; }
    public string Source { get; }

    /// <summary>Reads a PEM public key (a recipient) or private key (an identity).</summary>
    /// <exception cref="EncryptionException">Not a P-256 key in PEM.</exception>
    public static P256Key FromPem(string pem, string source)
    {
        var key = ECDiffieHellman.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new EncryptionException($"{source} is not an EC P-256 key in PEM ({e.GetType().Name}); expected '-----BEGIN PUBLIC KEY-----' or a private key");
        }
        return new P256Key(key, source);
    }

    public RecipientStanza Wrap(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> salt)
    {
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var ephemeralPoint = Point(ephemeral.PublicKey);
        var shared = ephemeral.DeriveRawSecretAgreement(_key.PublicKey);
        var body = new byte[PointSize + KeyWrap.WrappedSize];
        ephemeralPoint.CopyTo(body, 0);
        KeyWrap.Wrap(KeyWrap.Derive(shared, [.. ephemeralPoint, .. _point], WrapInfo), fileKey).CopyTo(body, PointSize);
        return new RecipientStanza(StanzaType.P256, KeyId, body);
    }

    public byte[]? Unwrap(RecipientStanza stanza, ReadOnlySpan<byte> salt)
    {
        if (stanza.Type != StanzaType.P256 || stanza.Body.Length != PointSize + KeyWrap.WrappedSize) return null;
        var ephemeralPoint = stanza.Body.AsSpan(0, PointSize).ToArray();
        byte[] shared;
        try
        {
            using var ephemeral = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = ephemeralPoint[1..33], Y = ephemeralPoint[33..] },
            });
            shared = _key.DeriveRawSecretAgreement(ephemeral.PublicKey);
        }
        catch (CryptographicException e)
        {
            throw new EncryptionException(e.Message.Contains("private", StringComparison.OrdinalIgnoreCase)
                ? $"{Source} holds only the public key {KeyId}; opening a backup needs the private key (--key-file)"
                : $"the P-256 stanza for {KeyId} holds no valid public point: the header is damaged");
        }
        return KeyWrap.Unwrap(KeyWrap.Derive(shared, [.. ephemeralPoint, .. _point], WrapInfo), stanza.Body.AsSpan(PointSize));
    }

    /// <summary>Whether this is a private key (it can open backups).</summary>
    public bool HasPrivateKey
    {
        get
        {
            try { _key.ExportParameters(true); return true; }
            catch (CryptographicException) { return false; }
        }
    }

    private static byte[] Point(ECDiffieHellmanPublicKey publicKey)
    {
        var q = publicKey.ExportParameters().Q;
        return [0x04, .. q.X!, .. q.Y!];
    }
}
