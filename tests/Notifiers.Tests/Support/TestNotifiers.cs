using Baktainer.Abstractions.Notifications;
using Baktainer.Abstractions.Storage;
using Baktainer.Notifiers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Notifiers.Tests.Support;

/// <summary>Builds bundled notifiers exactly as the host does: the plugin's registrations, a factory per Type, a config section.</summary>
internal static class TestNotifiers
{
    public static INotifier Create(string type, params (string Key, string Value)[] settings)
    {
        var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole()).AddBundledNotifiers().BuildServiceProvider();
        var section = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        return services.GetServices<INotifierFactory>().Single(f => f.Type == type).Create("ops", section);
    }

    public static BackupEvent Succeeded() => new(BackupEventKind.Succeeded, "orders", "postgres", DateTimeOffset.UtcNow, "backup of orders succeeded", new BackupManifest
    {
        Id = "orders-1-abc", Target = "orders", Engine = "postgres", Key = "2026-01-01/orders-1.sql.gz", Sha256 = "00", RawSize = 2048, StoredSize = 512,
        StartedUtc = DateTimeOffset.UtcNow.AddSeconds(-3), FinishedUtc = DateTimeOffset.UtcNow,
    });

    public static BackupEvent Failed() => new(BackupEventKind.Failed, "orders", "postgres", DateTimeOffset.UtcNow, "backup of orders failed", Error: "pg_dump exited 1: database \"orders\" does not exist")
    {
        ConsecutiveFailures = 2,
    };
}
