using Baktainer.Abstractions.Storage;

namespace Baktainer.Abstractions.Notifications;

/// <summary>What happened.</summary>
public enum BackupEventKind
{
    /// <summary>A backup started.</summary>
    Started,
    /// <summary>A backup was committed.</summary>
    Succeeded,
    /// <summary>A backup failed; nothing was published.</summary>
    Failed,
    /// <summary>A restore or verification finished.</summary>
    Verified,
    /// <summary>A restore or verification failed.</summary>
    VerificationFailed,
}

/// <summary>A notification payload. Never holds a secret.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Target">The backup name.</param>
/// <param name="Engine">The engine.</param>
/// <param name="TimestampUtc">When it happened.</param>
/// <param name="Message">A one-line human summary.</param>
/// <param name="Manifest">The backup's manifest, when one was written.</param>
/// <param name="Error">The failure reason, when failed.</param>
public sealed record BackupEvent(
    BackupEventKind Kind,
    string Target,
    string Engine,
    DateTimeOffset TimestampUtc,
    string Message,
    BackupManifest? Manifest = null,
    string? Error = null);
