using System.Text.RegularExpressions;

namespace Baktainer.Host.Encryption;

/// <summary>Reads BT_ENCRYPTION_RECIPIENT and key files: PEM text, or the path of a PEM file, holding one or more P-256 keys.</summary>
internal static partial class RecipientText
{
    /// <summary>The public keys new backups are encrypted to.</summary>
    /// <exception cref="EncryptionException">Not a readable P-256 public key, or a private key; <paramref name="describe"/> names the setting.</exception>
    public static IReadOnlyList<P256Key> Load(string value, string describe)
    {
        var keys = Read(value, describe);
        if (keys.Any(k => k.HasPrivateKey))
            throw new EncryptionException($"{describe} holds a private key; give the daemon only the public key (openssl ec -pubout) and keep the private key for restores (--key-file)");
        return keys;
    }

    /// <summary>Every PEM key in <paramref name="value"/> (text or a file path).</summary>
    public static IReadOnlyList<P256Key> Read(string value, string describe)
    {
        var pem = value;
        if (!value.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            if (!File.Exists(value)) throw new EncryptionException($"{describe} is neither PEM text nor the path of an existing file ('{value}')");
            pem = File.ReadAllText(value);
        }
        var keys = PemBlock().Matches(pem).Where(m => !m.Value.Contains("PARAMETERS", StringComparison.Ordinal)).Select(m => P256Key.FromPem(m.Value, describe)).ToList();
        return keys.Count > 0 ? keys : throw new EncryptionException($"{describe} holds no PEM key (expected '-----BEGIN PUBLIC KEY-----')");
    }

    [GeneratedRegex("-----BEGIN [A-Z ]+-----.*?-----END [A-Z ]+-----", RegexOptions.Singleline)]
    private static partial Regex PemBlock();
}
