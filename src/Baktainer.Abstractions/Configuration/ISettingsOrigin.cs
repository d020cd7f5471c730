namespace Baktainer.Abstractions.Configuration;

/// <summary>
/// Implemented by the configuration the host hands to a plugin: says where a key was set (the
/// environment variable or the file), so that <see cref="SettingsSection"/> names it in errors.
/// </summary>
public interface ISettingsOrigin
{
    /// <summary>How to name <paramref name="path"/> (a full key such as <c>Storage:0:Bucket</c>) in a message.</summary>
    string Describe(string path);
}
