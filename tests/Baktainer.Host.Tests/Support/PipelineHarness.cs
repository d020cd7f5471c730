using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Notifications;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Backup;
using Baktainer.Host.Components;
using Baktainer.Host.Configuration;
using Baktainer.Host.Encryption;
using Baktainer.Host.Notifications;
using Baktainer.Host.Status;
using Baktainer.Host.Plugins;
using Baktainer.Host.Restore;
using Baktainer.Host.Retention;
using Baktainer.Host.Targets;
using Baktainer.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Baktainer.Abstractions.Engines;
using Baktainer.Host.Compression;
using NSubstitute;

namespace Baktainer.Host.Tests.Support;

/// <summary>
/// The real <see cref="BackupPipeline"/> (with its verification and notifications) wired to
/// in-memory parts: a scripted engine, memory storage and test notifiers. No Docker, no disk.
/// </summary>
internal sealed class PipelineHarness
{
    public PipelineHarness(string verify = "none", params INotifier[] notifiers) : this(verify, null, notifiers) { }

    public PipelineHarness(string verify, MemoryStorage? offsite, params INotifier[] notifiers) : this(s => s, verify, offsite, notifiers) { }

    /// <param name="configure">Changes to the settings (e.g. a retention policy).</param>
    /// <param name="verify">The Verify setting.</param>
    /// <param name="offsite">A second storage the backup fans out to, after <see cref="Storage"/>.</param>
    /// <param name="notifiers">The notifiers told about every event.</param>
    public PipelineHarness(Func<BaktainerSettings, BaktainerSettings> configure, string verify, MemoryStorage? offsite, params INotifier[] notifiers)
    {
        var everything = new NotificationRule(Enum.GetValues<BackupEventKind>().ToHashSet());
        var settings = new BaktainerSettings
        {
            Verify = verify,
            Storage = offsite is null ? [Entry("Storage:0", "memory", "memory")] : [Entry("Storage:0", "memory", "memory"), Entry("Storage:1", offsite.Name, offsite.Name)],
            Notifiers = notifiers.Select((n, i) => Entry($"Notifiers:{i}", n.Name, "fixed")).ToList(),
            Operations = new OperationsSettings { Rules = notifiers.ToDictionary(n => n.Name, _ => everything) },
        };
        // Composed by DI, as the host does, so the harness follows the pipeline's constructors.
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(Logs))
            .AddSingleton(configure(settings))
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new PluginCatalog([]))
            .AddSingleton<IStorageTargetFactory>(Storage)
            .AddSingleton<IStorageTargetFactory>(offsite ?? Storage)
            .AddSingleton<INotifierFactory>(new FixedNotifierFactory(notifiers))
            .AddSingleton<IBackupStrategy>(Strategy)
            .AddSingleton<ComponentRegistry>().AddSingleton<TargetCatalog>().AddSingleton<TargetStates>()
            .AddSingleton<CompressionCodecs>().AddSingleton<BackupEncryption>().AddBaktainerRetention().AddSingleton<BackupVerifier>().AddSingleton<PreRestoreCheck>().AddSingleton<PostBackupVerification>()
            .AddSingleton<NotificationDispatcher>().AddSingleton<BackupEvents>().AddSingleton<BackupPipeline>()
            .BuildServiceProvider();
        Components = services.GetRequiredService<ComponentRegistry>();
        Catalog = services.GetRequiredService<TargetCatalog>();
        Verifier = services.GetRequiredService<BackupVerifier>();
        PreRestoreCheck = services.GetRequiredService<PreRestoreCheck>();
        Dispatcher = services.GetRequiredService<NotificationDispatcher>();
        Pipeline = services.GetRequiredService<BackupPipeline>();
        Prune = services.GetRequiredService<PruneService>();
    }

    public ScriptedStrategy Strategy { get; } = new();
    public MemoryStorage Storage { get; } = new();
    public RecordingLoggerProvider Logs { get; } = new();
    public ComponentRegistry Components { get; }
    public TargetCatalog Catalog { get; }
    public BackupPipeline Pipeline { get; }
    public BackupVerifier Verifier { get; }
    public PruneService Prune { get; }
    public PreRestoreCheck PreRestoreCheck { get; }

    /// <summary>Delivers notifications in the background; <see cref="RunAsync"/> waits for it.</summary>
    public NotificationDispatcher Dispatcher { get; }

    /// <summary>A ready target for the scripted engine, with <paramref name="more"/> labels.</summary>
    public DiscoveredTarget Target(string name = "app", params (string Label, string Value)[] more)
    {
        var labels = new Dictionary<string, string>
        {
            [LabelSchema.Backup] = "true", [LabelSchema.Engine] = "scripted", [LabelSchema.Database] = "app", [LabelSchema.Name] = name,
        };
        foreach (var (label, value) in more) labels[label] = value;
        var parsed = new LabelCatalog([Strategy], []).Parse(labels);
        Assert.That(parsed.Issues, Is.Empty);
        var target = new BackupTarget(name + "-id", name, "memory", labels, parsed.Settings, parsed.Issues, TargetStatus.Ready, Substitute.For<ITargetShell>());
        return Catalog.Check(target);
    }

    /// <summary>Runs one backup and waits until its notifications were delivered (or failed).</summary>
    public async Task<BackupOutcome> RunAsync(DiscoveredTarget target, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Pipeline.RunAsync(target, null, cancellationToken);
        }
        finally
        {
            await Dispatcher.DrainAsync();
        }
    }

    /// <summary>Runs one successful backup of the default target and returns it as stored.</summary>
    public async Task<LocatedBackup> StoredBackupAsync()
    {
        var outcome = await RunAsync(Target());
        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        var (key, (_, manifest)) = Storage.Committed.Single();
        return new LocatedBackup(Storage, new StoredBackup(key, manifest.StoredSize, manifest.FinishedUtc, manifest));
    }

    private static ComponentEntry Entry(string key, string name, string type) =>
        new(key, name, type, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Name"] = name, ["Type"] = type }).Build());
}
