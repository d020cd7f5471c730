using Baktainer.Abstractions.Compression;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Notifications;
using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Host.Plugins;

/// <summary>
/// What each plugin provides, by the names a user writes: engine names and aliases, storage,
/// notifier and discovery <c>Type</c>s, codecs and labels. A plugin's registration is matched to
/// its instance by its position among the registrations of the same contract.
/// </summary>
internal sealed class PluginOfferings(IServiceProvider provider, IServiceCollection registrations)
{
    public IReadOnlyList<string> For(LoadedPlugin plugin)
    {
        var names = new List<string>();
        foreach (var descriptor in plugin.Registrations)
        {
            if (descriptor.ImplementationInstance is LabelDefinition label)
            {
                names.Add($"label {label.Key}");
                continue;
            }
            if (!PluginRegistrar.IsContract(descriptor.ServiceType)) continue;
            var index = registrations.Where(d => d.ServiceType == descriptor.ServiceType).ToList().IndexOf(descriptor);
            try
            {
                var instance = provider.GetServices(descriptor.ServiceType).ElementAtOrDefault(index);
                names.Add(Name(instance) ?? descriptor.ServiceType.Name);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                names.Add($"{descriptor.ServiceType.Name} (failed to create: {e.Message})");
            }
        }
        return names;
    }

    private static string? Name(object? instance) => instance switch
    {
        IBackupStrategy s => $"engine {s.Engine}{(s.Aliases.Count > 0 ? $" ({string.Join(", ", s.Aliases)})" : "")}",
        IStorageTargetFactory f => $"storage {f.Type}",
        INotifierFactory f => $"notifier {f.Type}",
        IDiscoveryProviderFactory f => $"discovery {f.Type}",
        ICompressionCodec c => $"codec {c.Name}",
        _ => null,
    };
}
