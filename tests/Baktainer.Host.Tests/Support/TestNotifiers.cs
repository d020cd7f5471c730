using System.Collections.Concurrent;
using Baktainer.Abstractions.Notifications;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Host.Tests.Support;

/// <summary>A notifier that keeps every event it is given.</summary>
internal sealed class CollectingNotifier(string name = "collector") : INotifier
{
    public string Name => name;
    public ConcurrentQueue<BackupEvent> Events { get; } = new();

    public Task NotifyAsync(BackupEvent backupEvent, CancellationToken cancellationToken)
    {
        Events.Enqueue(backupEvent);
        return Task.CompletedTask;
    }
}

/// <summary>A notifier with a bug: it throws whatever it is given, every time.</summary>
internal sealed class ThrowingNotifier(Exception exception, string name = "broken") : INotifier
{
    public string Name => name;
    public int Calls { get; private set; }

    public Task NotifyAsync(BackupEvent backupEvent, CancellationToken cancellationToken)
    {
        Calls++;
        throw exception;
    }
}

/// <summary>Hands out the given notifiers by entry name, as a notifier plugin's factory would.</summary>
internal sealed class FixedNotifierFactory(params INotifier[] notifiers) : INotifierFactory
{
    public string Type => "fixed";
    public INotifier Create(string name, IConfiguration settings) => notifiers.Single(n => n.Name == name);
}
