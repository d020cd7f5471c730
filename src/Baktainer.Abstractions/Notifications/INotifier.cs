namespace Baktainer.Abstractions.Notifications;

/// <summary>Sends backup events somewhere (log, webhook, Slack, Discord, Teams). Thread-safe.</summary>
public interface INotifier
{
    /// <summary>The configured name of this notifier.</summary>
    string Name { get; }

    /// <summary>Sends one event.</summary>
    /// <exception cref="BaktainerException">Delivery failed; the host logs it and carries on.</exception>
    Task NotifyAsync(BackupEvent backupEvent, CancellationToken cancellationToken);
}
