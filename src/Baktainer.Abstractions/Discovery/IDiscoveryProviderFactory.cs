using Microsoft.Extensions.Configuration;

namespace Baktainer.Abstractions.Discovery;

/// <summary>
/// Creates discovery providers of one <see cref="Type"/> from configuration entries
/// (<c>Discovery[i]</c> with <c>Name</c>, <c>Type</c> and the type's own settings).
/// Registered by a plugin as a singleton.
/// </summary>
public interface IDiscoveryProviderFactory
{
    /// <summary>The <c>Type</c> value this factory handles (e.g. <c>docker</c>).</summary>
    string Type { get; }

    /// <summary>Creates a provider from one configuration entry.</summary>
    /// <exception cref="BaktainerException">A setting is invalid; the message names the key.</exception>
    IDiscoveryProvider Create(string name, IConfiguration settings);
}
