using Baktainer.Abstractions;
using Baktainer.Abstractions.Notifications;

namespace Baktainer.Notifiers.Delivery;

/// <summary>
/// A notifier that posts each event over HTTP. <paramref name="plan"/> turns an event into a request
/// builder (called once per attempt), or null for events this kind of notifier has nothing to say about.
/// </summary>
internal sealed class HttpNotifier(string name, Secret url, DeliveryOptions options, HttpDelivery delivery, Func<BackupEvent, Func<HttpRequestMessage>?> plan) : INotifier
{
    public string Name => name;

    public Task NotifyAsync(BackupEvent backupEvent, CancellationToken cancellationToken) =>
        plan(backupEvent) is { } build ? delivery.SendAsync(name, url, options, build, cancellationToken) : Task.CompletedTask;
}
