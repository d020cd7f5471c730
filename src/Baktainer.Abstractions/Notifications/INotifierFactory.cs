using Microsoft.Extensions.Configuration;

namespace Baktainer.Abstractions.Notifications;

/// <summary>
/// Creates notifiers of one <see cref="Type"/> from configuration entries
/// (<c>Notifiers[i]</c> with <c>Name</c>, <c>Type</c> and the type's own settings).
/// Registered by a plugin as a singleton.
/// </summary>
public interface INotifierFactory
{
    /// <summary>The <c>Type</c> value this factory handles (e.g. <c>slack</c>).</summary>
    string Type { get; }

    /// <summary>Creates a notifier from one configuration entry.</summary>
    /// <exception cref="BaktainerException">A setting is invalid; the message names the key.</exception>
    INotifier Create(string name, IConfiguration settings);
}
