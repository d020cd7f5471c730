using Baktainer.Abstractions;
using Baktainer.Abstractions.Notifications;
using Baktainer.Host.Components;
using Baktainer.Host.Targets;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Backup;

/// <summary>
/// Tells the configured notifiers (all, or those named by <c>baktainer.notify</c>) how each backup
/// ended. A notifier that fails is logged; it never changes the backup's result.
/// </summary>
internal sealed class BackupNotifications(ComponentRegistry components, TimeProvider time, ILogger<BackupNotifications> logger)
{
    public async Task NotifyAsync(DiscoveredTarget target, BackupOutcome outcome, CancellationToken cancellationToken)
    {
        var wanted = target.Target.Settings.Notify;
        var notifiers = components.Notifiers.Where(n => wanted.Count == 0 || wanted.Contains(n.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (notifiers.Count == 0) return;
        var backupEvent = outcome.Succeeded
            ? new BackupEvent(BackupEventKind.Succeeded, outcome.Target, outcome.Engine, time.GetUtcNow(),
                $"backup of {outcome.Target} succeeded: {outcome.Manifest!.Key} ({outcome.Manifest.StoredSize} bytes, verification {outcome.Manifest.Verification})", outcome.Manifest)
            : new BackupEvent(BackupEventKind.Failed, outcome.Target, outcome.Engine, time.GetUtcNow(), $"backup of {outcome.Target} failed", Error: outcome.Error);
        foreach (var notifier in notifiers)
        {
            try
            {
                await notifier.NotifyAsync(backupEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BaktainerException or HttpRequestException or IOException)
            {
                logger.LogWarning("Notifier {Notifier} could not send the {Kind} event for {Target}: {Reason}", notifier.Name, backupEvent.Kind, outcome.Target, e.Message);
            }
        }
    }
}
