namespace Baktainer.Abstractions;

/// <summary>
/// A failure with a message meant for the user: it names what failed (container, label, setting)
/// and why, and never contains a secret. Plugins throw it (or a subclass) for expected failures;
/// anything else is treated as a bug and reported with its type.
/// </summary>
public class BaktainerException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public BaktainerException(string message) : base(message) { }

    /// <summary>Creates the exception with a user-facing message and its cause.</summary>
    public BaktainerException(string message, Exception? inner) : base(message, inner) { }

    /// <summary>
    /// Whether retrying the same operation later may succeed (daemon unreachable, container
    /// restarting). A failure reported by the dump tool itself is never transient.
    /// </summary>
    public bool IsTransient { get; init; }
}
