using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Notifications;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Components;
using Baktainer.Host.Configuration;
using Baktainer.Host.Daemon;
using Baktainer.Host.Notifications;
using Baktainer.Host.Status;
using Baktainer.Host.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Baktainer.Host.Tests.Support;

/// <summary>
/// The daemon's watcher, live states, notifications and health monitor over a <see cref="FixedProvider"/>,
/// a postgres strategy that accepts every target, the given storages and notifiers (each hearing every
/// event unless the settings give it a rule). No Docker.
/// </summary>
internal sealed class DaemonParts
{
    public DaemonParts(ManualTime time, BaktainerSettings settings, FixedProvider provider, IReadOnlyList<IStorageTarget>? storage = null,
        ILogger<TargetWatcher>? logger = null, params INotifier[] notifiers)
    {
        var everything = new NotificationRule(Enum.GetValues<BackupEventKind>().ToHashSet());
        storage ??= [];
        Settings = settings with
        {
            Discovery = [Entry("Discovery:0", "fixed", "fixed")],
            Storage = storage.Select((s, i) => Entry($"Storage:{i}", s.Name, s.Name)).ToList(),
            Notifiers = notifiers.Select((n, i) => Entry($"Notifiers:{i}", n.Name, "fixed")).ToList(),
            Operations = settings.Operations.Rules.Count > 0 ? settings.Operations
                : settings.Operations with { Rules = notifiers.ToDictionary(n => n.Name, _ => everything, StringComparer.OrdinalIgnoreCase) },
        };
        var components = new ComponentRegistry(Settings, [provider], storage.Select(s => new SingleStorageFactory(s)), [new FixedNotifierFactory(notifiers)]);
        var strategy = Substitute.For<IBackupStrategy>();
        strategy.Engine.Returns("postgres");
        strategy.Aliases.Returns([]);
        strategy.Validate(Arg.Any<BackupTarget>()).Returns([]);
        States = new TargetStates(time);
        Dispatcher = new NotificationDispatcher(components, Settings, NullLogger<NotificationDispatcher>.Instance);
        var events = new BackupEvents(States, Dispatcher, time);
        Watcher = new TargetWatcher(Settings, components, new TargetCatalog(components, [strategy]), events, time, logger ?? NullLogger<TargetWatcher>.Instance);
        Monitor = new HealthMonitor(Settings, components, Watcher, States, events, time, NullLogger<HealthMonitor>.Instance);
    }

    public BaktainerSettings Settings { get; }
    public TargetStates States { get; }
    public NotificationDispatcher Dispatcher { get; }
    public TargetWatcher Watcher { get; }
    public HealthMonitor Monitor { get; }

    /// <summary>Runs discovery until the watcher knows <paramref name="count"/> targets, then stops it.</summary>
    public async Task DiscoverAsync(int count)
    {
        using var stop = new CancellationTokenSource();
        var run = Watcher.RunAsync(stop.Token);
        await Baktainer.Tests.Shared.Eventually.HoldsAsync(() => Watcher.Count == count, TimeSpan.FromSeconds(10), $"the watcher to know {count} target(s)");
        await stop.CancelAsync();
        await run;
    }

    private static ComponentEntry Entry(string key, string name, string type) =>
        new(key, name, type, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Name"] = name, ["Type"] = type }).Build());

    private sealed class SingleStorageFactory(IStorageTarget storage) : IStorageTargetFactory
    {
        public string Type => storage.Name;
        public IStorageTarget Create(string name, IConfiguration settings) => storage;
    }
}
