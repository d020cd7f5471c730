using Baktainer.Abstractions;

namespace Baktainer.Storage;

/// <summary>Checks storage keys: relative, forward slashes, no empty, dot or hidden segments.</summary>
internal static class StorageKeys
{
    /// <exception cref="BaktainerException">The key could leave the storage root or name a temporary.</exception>
    public static string[] Segments(string key)
    {
        var segments = key.Split('/');
        if (key.Length == 0 || key.Contains('\\') || key.Contains('\0')
            || segments.Any(s => s.Length == 0 || s.StartsWith('.') || s.Length > 255))
            throw new BaktainerException($"storage key '{key}' is not a safe relative path (segments must be non-empty and not start with '.')");
        return segments;
    }
}
