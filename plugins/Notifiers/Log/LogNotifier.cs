using Baktainer.Abstractions.Notifications;
using Microsoft.Extensions.Logging;

namespace Baktainer.Notifiers.Log;

/// <summary>Writes each backup event as one log line (Information, or Error for failures).</summary>
internal sealed class LogNotifier(string name, ILogger logger) : INotifier
{
    public string Name => name;

    public Task NotifyAsync(BackupEvent backupEvent, CancellationToken cancellationToken)
    {
        var level = backupEvent.Kind is BackupEventKind.Failed or BackupEventKind.VerificationFailed ? LogLevel.Error : LogLevel.Information;
        logger.Log(level, "notify {Kind} {Target} ({Engine}) at {Time:u}: {Message}", backupEvent.Kind, backupEvent.Target, backupEvent.Engine, backupEvent.TimestampUtc, backupEvent.Message);
        return Task.CompletedTask;
    }
}
