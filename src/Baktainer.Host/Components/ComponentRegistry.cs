using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Notifications;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Configuration;

namespace Baktainer.Host.Components;

/// <summary>
/// Builds the configured discovery providers, storage targets and notifiers from their entries
/// with the plugins' factories, once per session, and disposes them at the end.
/// </summary>
internal sealed class ComponentRegistry(
    BaktainerSettings settings,
    IEnumerable<IDiscoveryProviderFactory> discoveryFactories,
    IEnumerable<IStorageTargetFactory> storageFactories,
    IEnumerable<INotifierFactory> notifierFactories) : IAsyncDisposable
{
    private readonly Lazy<IReadOnlyList<IDiscoveryProvider>> _discovery = new(() => Build(settings.Discovery, discoveryFactories.ToList(), f => f.Type, (f, e) => f.Create(e.Name, e.Settings)));
    private readonly Lazy<IReadOnlyList<IStorageTarget>> _storage = new(() => Build(settings.Storage, storageFactories.ToList(), f => f.Type, DefaultStorage.Create));
    private readonly Lazy<IReadOnlyList<INotifier>> _notifiers = new(() => Build(settings.Notifiers, notifierFactories.ToList(), f => f.Type, (f, e) => f.Create(e.Name, e.Settings)));

    public IReadOnlyList<IDiscoveryProvider> Discovery => _discovery.Value;
    public IReadOnlyList<IStorageTarget> Storage => _storage.Value;
    public IReadOnlyList<INotifier> Notifiers => _notifiers.Value;

    private static IReadOnlyList<T> Build<TFactory, T>(IEnumerable<ComponentEntry> entries, List<TFactory> factories, Func<TFactory, string> type, Func<TFactory, ComponentEntry, T> create)
        where TFactory : class =>
        entries.Select(entry => Create(FactoryFor(entry, factories, type)
            ?? throw new ConfigurationException($"{entry.Key}:Type is \"{entry.Type}\" but no loaded plugin provides it (see 'baktainer plugins list')"), entry, create)).ToList();

    /// <summary>The loaded factory for the entry's <c>Type</c>, or null when no plugin provides it.</summary>
    public static TFactory? FactoryFor<TFactory>(ComponentEntry entry, IEnumerable<TFactory> factories, Func<TFactory, string> type) where TFactory : class =>
        factories.FirstOrDefault(f => type(f).Equals(entry.Type, StringComparison.OrdinalIgnoreCase));

    /// <summary>Builds one entry with its factory.</summary>
    /// <exception cref="ConfigurationException">The plugin rejected a setting; the message names the entry.</exception>
    public static T Create<TFactory, T>(TFactory factory, ComponentEntry entry, Func<TFactory, ComponentEntry, T> create)
    {
        try
        {
            return create(factory, entry);
        }
        catch (BaktainerException e)
        {
            throw new ConfigurationException(entry.Problem(e.Message));
        }
    }

    public async ValueTask DisposeAsync()
    {
        var created = new List<object>();
        if (_discovery.IsValueCreated) created.AddRange(_discovery.Value);
        if (_storage.IsValueCreated) created.AddRange(_storage.Value);
        if (_notifiers.IsValueCreated) created.AddRange(_notifiers.Value);
        foreach (var item in created)
        {
            if (item is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            else if (item is IDisposable disposable) disposable.Dispose();
        }
    }
}
