using System.IO.Compression;
using System.Security.Cryptography;
using Baktainer.Abstractions.Storage;

namespace EndToEnd.Tests.Restore;

/// <summary>Ways a stored backup gets damaged, applied to real backup files.</summary>
internal static class BackupDamage
{
    public static void FlipByte(string file, long offset)
    {
        using var stream = File.Open(file, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var b = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(b ^ 0x5a));
    }

    public static void Truncate(string file, long keep)
    {
        using var stream = File.Open(file, FileMode.Open, FileAccess.ReadWrite);
        stream.SetLength(keep);
    }

    /// <summary>
    /// Rewrites a gzip backup without the dump's last lines (its completion marker) and updates the
    /// manifest's sizes and SHA-256 to match: only the engine's completion check can notice.
    /// </summary>
    public static void StripCompletionMarker(string file, int dropLastLines)
    {
        string[] lines;
        using (var input = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress)))
            lines = input.ReadToEnd().Split('\n');
        var raw = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines[..^dropLastLines]));
        using (var output = new GZipStream(File.Create(file), CompressionLevel.Fastest))
            output.Write(raw);
        var manifest = ManifestJson.TryParse(File.ReadAllBytes(file + ".json"))!;
        var stored = File.ReadAllBytes(file);
        File.WriteAllBytes(file + ".json", ManifestJson.Serialize(manifest with
        {
            RawSize = raw.Length, StoredSize = stored.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(stored)),
        }));
    }

    /// <summary>Flips bytes in the middle of the file and re-hashes the manifest: only decompression can notice.</summary>
    public static void CorruptContentKeepingChecksum(string file)
    {
        var stored = File.ReadAllBytes(file);
        for (var i = stored.Length / 2; i < stored.Length / 2 + 32; i++) stored[i] ^= 0x5a;
        File.WriteAllBytes(file, stored);
        var manifest = ManifestJson.TryParse(File.ReadAllBytes(file + ".json"))!;
        File.WriteAllBytes(file + ".json", ManifestJson.Serialize(manifest with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(stored)) }));
    }
}
