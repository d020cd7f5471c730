namespace Baktainer.Host.Encryption;

/// <summary>
/// Reads decryption keys from files named on the command line (<c>--key-file</c>): a P-256
/// private key in PEM, or a 256-bit key (hex, <c>base64:</c>, or 32 raw bytes).
/// </summary>
internal static class KeyFiles
{
    /// <exception cref="EncryptionException">A file is missing or holds no usable key; the message names the file, never its content.</exception>
    public static IReadOnlyList<IIdentity> Read(IEnumerable<string> paths)
    {
        var keys = new List<IIdentity>();
        foreach (var path in paths)
        {
            if (!File.Exists(path)) throw new EncryptionException($"--key-file '{path}' does not exist");
            var content = File.ReadAllBytes(path);
            var source = $"--key-file {Path.GetFileName(path)}";
            if (System.Text.Encoding.ASCII.GetString(content).Contains("-----BEGIN", StringComparison.Ordinal))
            {
                var pem = RecipientText.Read(path, source);
                if (pem.Any(k => !k.HasPrivateKey))
                    throw new EncryptionException($"--key-file '{path}' holds a public key; opening a backup needs the matching private key");
                keys.AddRange(pem);
            }
            else
            {
                keys.Add(KeyText.ParseFile(content) is { } key
                    ? new SymmetricKey(key, source)
                    : throw new EncryptionException($"--key-file '{path}' holds neither a PEM private key nor a 256-bit key ({KeyText.Expected}, or 32 raw bytes)"));
            }
        }
        return keys;
    }
}
