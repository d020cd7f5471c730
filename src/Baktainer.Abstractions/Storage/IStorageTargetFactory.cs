using Microsoft.Extensions.Configuration;

namespace Baktainer.Abstractions.Storage;

/// <summary>
/// Creates storage targets of one <see cref="Type"/> from configuration entries
/// (<c>Storage[i]</c> with <c>Name</c>, <c>Type</c> and the type's own settings).
/// Registered by a plugin as a singleton.
/// </summary>
public interface IStorageTargetFactory
{
    /// <summary>The <c>Type</c> value this factory handles (e.g. <c>local</c>, <c>s3</c>).</summary>
    string Type { get; }

    /// <summary>Creates a target from one configuration entry.</summary>
    /// <exception cref="BaktainerException">A setting is invalid; the message names the key.</exception>
    IStorageTarget Create(string name, IConfiguration settings);
}
