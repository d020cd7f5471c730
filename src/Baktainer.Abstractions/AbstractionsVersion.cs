namespace Baktainer.Abstractions;

/// <summary>The plugin compatibility contract of this assembly.</summary>
public static class AbstractionsVersion
{
    /// <summary>
    /// The major version a plugin's <c>plugin.json</c> must name in its <c>abstractions</c> field.
    /// It changes only when a contract changes incompatibly.
    /// </summary>
    public const int Major = 1;
}
