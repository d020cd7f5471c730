using Baktainer.Abstractions.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Example.Baktainer.Notifier;

/// <summary>Registers the notifier factory; usable in-process (tests) as well as by <see cref="NotifierPlugin"/>.</summary>
public static class NotifierServiceCollectionExtensions
{
    /// <summary>Adds notifier type <c>examplehook</c> as an <see cref="INotifierFactory"/> singleton.</summary>
    public static IServiceCollection AddHttpNotifier(this IServiceCollection services) =>
        services.AddSingleton<INotifierFactory, HttpNotifierFactory>();
}
