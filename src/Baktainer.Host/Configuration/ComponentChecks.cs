using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Notifications;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Compression;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Host.Configuration;

/// <summary>Checks that every configured storage, notifier and discovery entry has a plugin for its type, and that the configured codec and level exist.</summary>
internal static class ComponentChecks
{
    public static IEnumerable<string> Check(BaktainerSettings settings, IServiceProvider services)
    {
        var storage = services.GetServices<IStorageTargetFactory>().Select(f => f.Type).ToList();
        var notifiers = services.GetServices<INotifierFactory>().Select(f => f.Type).ToList();
        var discovery = services.GetServices<IDiscoveryProviderFactory>().Select(f => f.Type).ToList();
        return Missing(settings.Storage, storage, "storage")
            .Concat(Missing(settings.Notifiers, notifiers, "notifier"))
            .Concat(Missing(settings.Discovery, discovery, "discovery"))
            .Concat(Build(settings.Storage, services.GetServices<IStorageTargetFactory>().ToList(), f => f.Type, DefaultStorage.Create))
            .Concat(Build(settings.Notifiers, services.GetServices<INotifierFactory>().ToList(), f => f.Type, (f, e) => f.Create(e.Name, e.Settings)))
            .Concat(Build(settings.Discovery, services.GetServices<IDiscoveryProviderFactory>().ToList(), f => f.Type, (f, e) => f.Create(e.Name, e.Settings)))
            .Concat(Codec(settings, services.GetRequiredService<CompressionCodecs>()));
    }

    /// <summary>The keys of entries whose type no loaded plugin provides (reported by <see cref="Check"/>).</summary>
    public static IReadOnlyCollection<string> WithoutPlugin(BaktainerSettings settings, IServiceProvider services)
    {
        static IEnumerable<string> Keys(IEnumerable<ComponentEntry> entries, IEnumerable<string> types) =>
            entries.Where(e => !types.Contains(e.Type, StringComparer.OrdinalIgnoreCase)).Select(e => e.Key);
        return Keys(settings.Storage, services.GetServices<IStorageTargetFactory>().Select(f => f.Type))
            .Concat(Keys(settings.Notifiers, services.GetServices<INotifierFactory>().Select(f => f.Type)))
            .Concat(Keys(settings.Discovery, services.GetServices<IDiscoveryProviderFactory>().Select(f => f.Type))).ToList();
    }

    private static IEnumerable<string> Codec(BaktainerSettings settings, CompressionCodecs codecs)
    {
        var codec = codecs.Find(settings.Compress ? settings.Compression : "none");
        if (codec is null)
        {
            yield return $"Compression (BT_COMPRESSION) is \"{settings.Compression}\" but no loaded plugin provides that codec; available: {codecs.Names}" +
                         (settings.Compression == "zstd" ? " (zstd comes with the Compression.Zstd plugin)" : "");
            yield break;
        }
        if (settings.CompressionLevel is { } level && codec.Name != "none" && codec.Levels.Resolve(level) is null)
            yield return $"CompressionLevel (BT_COMPRESSION_LEVEL) has invalid value \"{level}\" for {codec.Name}; expected {codec.Levels.Describe()}";
    }

    /// <summary>
    /// Builds each entry once (then disposes it) so a bad setting is reported at start-up and by
    /// validate, not at the first backup or event, and so every key the plugin reads is known.
    /// </summary>
    private static IEnumerable<string> Build<TFactory>(IEnumerable<ComponentEntry> entries, IReadOnlyList<TFactory> factories, Func<TFactory, string> type, Func<TFactory, ComponentEntry, object> create)
        where TFactory : class
    {
        foreach (var entry in entries)
        {
            if (Components.ComponentRegistry.FactoryFor(entry, factories, type) is not { } factory) continue; // reported by Missing
            string? error = null;
            try
            {
                (Components.ComponentRegistry.Create(factory, entry, create) as IDisposable)?.Dispose(); // the built-in targets, notifiers and providers are IDisposable when they hold anything
            }
            catch (ConfigurationException e) { error = e.Message; }
            if (error is not null) yield return error;
        }
    }

    private static IEnumerable<string> Missing(IEnumerable<ComponentEntry> entries, IReadOnlyCollection<string> types, string kind) =>
        entries.Where(e => e.Type.Length > 0 && !types.Contains(e.Type, StringComparer.OrdinalIgnoreCase))
            .Select(e => $"{e.Key}:Type is \"{e.Type}\" but no loaded plugin provides that {kind} type; available: {(types.Count == 0 ? "none (check BT_PLUGIN_DIR and 'baktainer plugins list')" : string.Join(", ", types))}");
}
