using System.Collections.Concurrent;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Notifications;
using Baktainer.Host.Components;
using Baktainer.Host.Configuration;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Notifications;

/// <summary>
/// Hands each event to the notifiers that want it (by <c>baktainer.notify</c> and each notifier's
/// rule) in the background: a slow or failing notifier never delays a backup or changes its result.
/// Every failure is logged with the notifier's name. Disposal waits for deliveries still under way
/// (each bounded by its notifier's timeout and retries), so a one-off <c>backup</c> sends before it exits.
/// </summary>
internal sealed class NotificationDispatcher(ComponentRegistry components, BaktainerSettings settings, ILogger<NotificationDispatcher> logger) : IAsyncDisposable
{
    private static readonly NotificationRule DefaultRule = new(new HashSet<BackupEventKind>(NotificationRule.FailureGroup.Concat(NotificationRule.WarningGroup)));
    private readonly ConcurrentDictionary<Task, bool> _pending = new();

    /// <param name="backupEvent">What happened.</param>
    /// <param name="selected">Notifier names from <c>baktainer.notify</c>; empty for all.</param>
    /// <param name="failuresBefore">The target's consecutive failures before this event (for recovery messages).</param>
    public void Publish(BackupEvent backupEvent, IReadOnlyCollection<string> selected, int failuresBefore = 0)
    {
        IReadOnlyList<INotifier> notifiers;
        try { notifiers = components.Notifiers; }
        catch (BaktainerException e)
        {
            logger.LogWarning("No notifications: {Reason}", e.Message);
            return;
        }
        foreach (var notifier in notifiers.Where(n => selected.Count == 0 || selected.Contains(n.Name, StringComparer.OrdinalIgnoreCase)))
        {
            var rule = settings.Operations.Rules.GetValueOrDefault(notifier.Name) ?? DefaultRule;
            if (rule.Apply(backupEvent, failuresBefore) is not { } send) continue;
            var delivery = Task.Run(() => DeliverAsync(notifier, send));
            _pending[delivery] = true;
            _ = delivery.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    /// <summary>Waits for every delivery under way.</summary>
    public Task DrainAsync() => Task.WhenAll(_pending.Keys);

    private async Task DeliverAsync(INotifier notifier, BackupEvent backupEvent)
    {
        var about = backupEvent.Target.Length > 0 ? $" for {backupEvent.Target}" : "";
        try
        {
            await notifier.NotifyAsync(backupEvent, CancellationToken.None).ConfigureAwait(false);
            logger.LogDebug("Notifier {Notifier} sent the {Kind} event{About}", notifier.Name, backupEvent.Kind, about);
        }
        catch (BaktainerException e)
        {
            logger.LogWarning("Notifier {Notifier} could not send the {Kind} event{About}: {Reason}", notifier.Name, backupEvent.Kind, about, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Notifier {Notifier} could not send the {Kind} event{About}: unexpected {Type}: {Reason}", notifier.Name, backupEvent.Kind, about, e.GetType().Name, e.Message);
        }
    }

    public async ValueTask DisposeAsync() => await DrainAsync().ConfigureAwait(false);
}
