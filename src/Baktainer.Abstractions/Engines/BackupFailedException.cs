namespace Baktainer.Abstractions.Engines;

/// <summary>
/// A dump or restore tool failed, or its output failed the engine's completion check. The message
/// names the target and holds the tool's own error text. Never transient: retrying a wrong
/// password does not help.
/// </summary>
public sealed class BackupFailedException : BaktainerException
{
    /// <summary>Creates the exception.</summary>
    public BackupFailedException(string message, Exception? inner = null) : base(message, inner) { }
}
