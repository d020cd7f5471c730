using System.Globalization;
using Baktainer.Abstractions.Notifications;

namespace Baktainer.Notifiers.Content;

/// <summary>The words, colour and facts every rich notifier shows for an event.</summary>
internal static class EventText
{
    public static string Title(BackupEvent e) => e.Kind switch
    {
        BackupEventKind.Started => $"Backup started: {e.Target}",
        BackupEventKind.Succeeded => $"Backup succeeded: {e.Target}",
        BackupEventKind.Failed => $"Backup FAILED: {e.Target}",
        BackupEventKind.Verified => $"Backup verified: {e.Target}",
        BackupEventKind.VerificationFailed => $"Backup verification FAILED: {e.Target}",
        BackupEventKind.Pruned => $"Old backups pruned: {e.Target}",
        BackupEventKind.Overdue => $"Backup OVERDUE: {e.Target}",
        BackupEventKind.StorageLow => "Storage low on space",
        BackupEventKind.DockerUnreachable => "Docker unreachable",
        BackupEventKind.DaemonStarted => "Baktainer started",
        BackupEventKind.DaemonStopped => "Baktainer stopped",
        BackupEventKind.Summary => "Baktainer daily summary",
        BackupEventKind.Recovered => e.Target.Length > 0 ? $"Backup recovered: {e.Target}" : "Recovered",
        _ => $"{e.Kind}: {e.Target}",
    };

    /// <summary>The Standard Webhooks event type, e.g. <c>backup.failed</c>.</summary>
    public static string TypeName(BackupEventKind kind) => kind switch
    {
        BackupEventKind.Overdue => "target.overdue",
        BackupEventKind.Recovered => "target.recovered",
        BackupEventKind.StorageLow => "storage.low",
        BackupEventKind.DockerUnreachable => "docker.unreachable",
        BackupEventKind.DaemonStarted => "daemon.started",
        BackupEventKind.DaemonStopped => "daemon.stopped",
        BackupEventKind.Summary => "daemon.summary",
        BackupEventKind.VerificationFailed => "backup.verification_failed",
        _ => "backup." + kind.ToString().ToLowerInvariant(),
    };

    public static Severity SeverityOf(BackupEvent e) => e.Kind switch
    {
        BackupEventKind.Failed or BackupEventKind.VerificationFailed or BackupEventKind.DockerUnreachable => Severity.Failure,
        BackupEventKind.Overdue or BackupEventKind.StorageLow => Severity.Warning,
        BackupEventKind.Succeeded or BackupEventKind.Verified or BackupEventKind.Recovered => Severity.Success,
        _ => Severity.Info,
    };

    /// <summary>The event's facts as name/value pairs, most important first.</summary>
    public static IReadOnlyList<(string Name, string Value)> Facts(BackupEvent e)
    {
        var facts = new List<(string, string)>();
        if (e.Target.Length > 0) facts.Add(("Target", e.Target));
        if (e.Engine.Length > 0) facts.Add(("Engine", e.Engine));
        if (e.Error is { } error) facts.Add(("Reason", error));
        if (e.ConsecutiveFailures > 1) facts.Add(("Failures in a row", e.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture)));
        if (e.Manifest is { } m)
        {
            facts.Add(("Backup", m.Key));
            facts.Add(("Size", $"{Bytes(m.StoredSize)} stored, {Bytes(m.RawSize)} raw"));
            facts.Add(("Duration", $"{(m.FinishedUtc - m.StartedUtc).TotalSeconds:0.#}s"));
            if (m.Verification != "none") facts.Add(("Verification", m.Verification));
        }
        facts.AddRange(e.Details.Select(d => (d.Key, d.Value)));
        facts.Add(("Time", e.TimestampUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));
        return facts;
    }

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:0.##} GiB"),
    };

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>How an event is coloured.</summary>
internal enum Severity { Info, Success, Warning, Failure }
