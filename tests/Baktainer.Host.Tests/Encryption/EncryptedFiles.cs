using System.Security.Cryptography;
using Baktainer.Host.Encryption;

namespace Baktainer.Host.Tests.Encryption;

/// <summary>Encrypts and decrypts in memory for the format tests.</summary>
internal static class EncryptedFiles
{
    public const int Segment = 1024;

    public static SymmetricKey NewKey(string source = "test key") => new(RandomNumberGenerator.GetBytes(32), source);

    public static byte[] Plain(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }

    public static async Task<byte[]> EncryptAsync(byte[] plain, params IRecipient[] recipients)
    {
        using var output = new MemoryStream();
        await using (var encrypting = new EncryptingStream(output, recipients, Segment))
        {
            // Odd write sizes: segments must not depend on how the writer chunks its data.
            for (var i = 0; i < plain.Length; i += 777)
                await encrypting.WriteAsync(plain.AsMemory(i, Math.Min(777, plain.Length - i)));
            await encrypting.FinishAsync(CancellationToken.None);
        }
        return output.ToArray();
    }

    public static async Task<byte[]> DecryptAsync(byte[] stored, params IIdentity[] keys)
    {
        await using var decrypting = await DecryptingStream.OpenAsync(new MemoryStream(stored), new KeyRing(keys), leaveOpen: false, CancellationToken.None);
        using var output = new MemoryStream();
        await decrypting.CopyToAsync(output, 500);
        return output.ToArray();
    }

    /// <summary>Where segment <paramref name="index"/> starts in an encrypted file of this size.</summary>
    public static int SegmentOffset(byte[] stored, int plainLength, int index)
    {
        var segments = Math.Max(1, (plainLength + Segment - 1) / Segment);
        var header = stored.Length - plainLength - segments * 16;
        return header + index * (Segment + 16);
    }
}
