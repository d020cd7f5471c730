using Baktainer.Abstractions.Storage;

namespace Baktainer.Abstractions.Notifications;

/// <summary>A notification payload. Never holds a secret.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Target">The backup name; empty for daemon-wide events (started, Docker unreachable, summary).</param>
/// <param name="Engine">The engine; empty when not about one target.</param>
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
    string? Error = null)
{
    /// <summary>How many backups of this target have failed in a row, this one included (0 unless failing).</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>Further facts shown by rich notifiers as name/value pairs (e.g. storage, free space, pruned keys).</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether this event reports something going wrong.</summary>
    public bool IsProblem => Kind is BackupEventKind.Failed or BackupEventKind.VerificationFailed or BackupEventKind.Overdue
        or BackupEventKind.StorageLow or BackupEventKind.DockerUnreachable;
}
