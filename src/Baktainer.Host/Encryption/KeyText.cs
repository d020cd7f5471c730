namespace Baktainer.Host.Encryption;

/// <summary>
/// Parses 256-bit keys as users write them: 64 hex digits, <c>base64:</c> followed by base64, or
/// plain base64 (44 characters); key files may also hold the 32 raw bytes.
/// </summary>
internal static class KeyText
{
    public const string Expected = "64 hex digits or base64:<44 base64 characters> (32 bytes)";

    /// <returns>The key bytes, or null when the text is not a 256-bit key.</returns>
    public static byte[]? Parse(string text)
    {
        text = text.Trim();
        if (text.StartsWith("base64:", StringComparison.OrdinalIgnoreCase)) text = text[7..].Trim();
        else if (text.Length == 64 && text.All(char.IsAsciiHexDigit)) return Convert.FromHexString(text);
        var buffer = new byte[48];
        return Convert.TryFromBase64String(text, buffer, out var written) && written == 32 ? buffer[..32] : null;
    }

    /// <returns>The key in a key file: text as <see cref="Parse"/> takes it, or exactly 32 raw bytes; null otherwise.</returns>
    public static byte[]? ParseFile(byte[] content)
    {
        if (content.Length == 32 && !content.All(b => b is >= 0x20 and < 0x7f)) return content;
        try { return Parse(System.Text.Encoding.ASCII.GetString(content)); }
        catch (FormatException) { return null; }
    }

    /// <summary>Splits a list of keys separated by commas, semicolons or white space.</summary>
    public static IEnumerable<string> SplitList(string text) =>
        text.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
