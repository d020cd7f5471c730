using Baktainer.Abstractions.Notifications;
using Baktainer.Notifiers.Log;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Notifiers;

/// <summary>Registers the bundled notifiers.</summary>
public static class NotifiersServiceCollectionExtensions
{
    /// <summary>Adds the log notifier (<c>Type: log</c>). Needs logging.</summary>
    public static IServiceCollection AddLogNotifier(this IServiceCollection services) =>
        services.AddSingleton<INotifierFactory, LogNotifierFactory>();
}
