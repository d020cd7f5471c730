using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Notifications;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Backup;
using Baktainer.Host.Components;
using Baktainer.Host.Configuration;
using Baktainer.Host.Plugins;
using Baktainer.Host.Restore;
using Baktainer.Host.Targets;
using Baktainer.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NSubstitute;

namespace Baktainer.Host.Tests.Support;

/// <summary>
/// The real <see cref="BackupPipeline"/> (with its verification and notifications) wired to
/// in-memory parts: a scripted engine, memory storage and test notifiers. No Docker, no disk.
/// </summary>
internal sealed class PipelineHarness
{
    public PipelineHarness(string verify = "none", params INotifier[] notifiers)
    {
        var settings = new BaktainerSettings
        {
            Verify = verify,
            Storage = [Entry("Storage:0", "memory", "memory")],
            Notifiers = notifiers.Select((n, i) => Entry($"Notifiers:{i}", n.Name, "fixed")).ToList(),
        };
        Components = new ComponentRegistry(settings, [], [Storage], [new FixedNotifierFactory(notifiers)]);
        Catalog = new TargetCatalog(Components, [Strategy]);
        var loggers = LoggerFactory.Create(b => b.AddProvider(Logs));
        var verifier = new PostBackupVerification(new BackupVerifier(Catalog), loggers.CreateLogger<PostBackupVerification>());
        var notifications = new BackupNotifications(Components, TimeProvider.System, loggers.CreateLogger<BackupNotifications>());
        Pipeline = new BackupPipeline(settings, Components, new PluginCatalog([]), verifier, notifications, TimeProvider.System, loggers.CreateLogger<BackupPipeline>());
    }

    public ScriptedStrategy Strategy { get; } = new();
    public MemoryStorage Storage { get; } = new();
    public RecordingLoggerProvider Logs { get; } = new();
    public ComponentRegistry Components { get; }
    public TargetCatalog Catalog { get; }
    public BackupPipeline Pipeline { get; }

    /// <summary>A ready target for the scripted engine (labels parsed as a real engine's, then pointed at the scripted one).</summary>
    public DiscoveredTarget Target(string name = "app")
    {
        var labels = new Dictionary<string, string>
        {
            [LabelSchema.Backup] = "true", [LabelSchema.Engine] = "postgres", [LabelSchema.Database] = "app", [LabelSchema.Name] = name,
        };
        var parsed = LabelSchema.Parse(labels);
        var target = new BackupTarget(name + "-id", name, "memory", labels, parsed.Settings with { Engine = "scripted" }, [], TargetStatus.Ready, Substitute.For<ITargetShell>());
        return Catalog.Check(target);
    }

    public Task<BackupOutcome> RunAsync(DiscoveredTarget target, CancellationToken cancellationToken = default) =>
        Pipeline.RunAsync(target, null, cancellationToken);

    private static ComponentEntry Entry(string key, string name, string type) =>
        new(key, name, type, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Name"] = name, ["Type"] = type }).Build());
}
