using Baktainer.Abstractions.Notifications;
using Baktainer.Notifiers.Delivery;
using Baktainer.Notifiers.Discord;
using Baktainer.Notifiers.Email;
using Baktainer.Notifiers.Log;
using Baktainer.Notifiers.Ping;
using Baktainer.Notifiers.Slack;
using Baktainer.Notifiers.Teams;
using Baktainer.Notifiers.Webhook;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Baktainer.Notifiers;

/// <summary>Registers the bundled notifiers.</summary>
public static class NotifiersServiceCollectionExtensions
{
    /// <summary>Adds the log notifier (<c>Type: log</c>). Needs logging.</summary>
    public static IServiceCollection AddLogNotifier(this IServiceCollection services) =>
        services.AddSingleton<INotifierFactory, LogNotifierFactory>();

    /// <summary>
    /// Adds every bundled notifier type: <c>log</c>, <c>webhook</c>, <c>slack</c>, <c>discord</c>,
    /// <c>teams</c>, <c>ping</c> and <c>email</c>. Needs logging.
    /// </summary>
    public static IServiceCollection AddBundledNotifiers(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NotifierHttpClient>();
        services.TryAddSingleton(sp => new HttpDelivery(sp.GetRequiredService<NotifierHttpClient>().Client, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<HttpDelivery>>()));
        services.AddLogNotifier();
        services.AddSingleton<INotifierFactory, WebhookNotifierFactory>();
        services.AddSingleton<INotifierFactory, PingNotifierFactory>();
        services.AddSingleton<INotifierFactory, EmailNotifierFactory>();
        services.AddSingleton<INotifierFactory>(sp => new HttpNotifierFactory("slack", SlackPayload.Build, sp.GetRequiredService<HttpDelivery>()));
        services.AddSingleton<INotifierFactory>(sp => new HttpNotifierFactory("discord", DiscordPayload.Build, sp.GetRequiredService<HttpDelivery>()));
        services.AddSingleton<INotifierFactory>(sp => new HttpNotifierFactory("teams", TeamsPayload.Build, sp.GetRequiredService<HttpDelivery>()));
        return services;
    }
}
