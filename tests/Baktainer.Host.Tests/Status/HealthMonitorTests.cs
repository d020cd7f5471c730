using Baktainer.Abstractions.Notifications;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Configuration;
using Baktainer.Host.Tests.Support;

namespace Baktainer.Host.Tests.Status;

/// <summary>
/// The health monitor's alerts on a clock the test sets: overdue targets, storage low on space and
/// the daily summary, each told to a notifier once (not at every check), with the reasons /health shows.
/// </summary>
public sealed class HealthMonitorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);

    /// <summary>A storage that reports the free space the test sets.</summary>
    private sealed class SpaceStorage : IStorageTarget, IStorageHealth
    {
        public string Name => "disk";
        public long FreeBytes { get; set; } = 10L << 30;
        public Task<StorageHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(new StorageHealth(FreeBytes, null));
        public Task<IStorageUpload> BeginUploadAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();
        public IAsyncEnumerable<StoredBackup> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task DeleteAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static async Task<(DaemonParts Parts, CollectingNotifier Ops)> ComposeAsync(ManualTime time, OperationsSettings operations,
        IReadOnlyList<IStorageTarget> storage, params Dictionary<string, string>[] containers)
    {
        var ops = new CollectingNotifier("ops");
        var parts = new DaemonParts(time, new BaktainerSettings { Operations = operations }, new FixedProvider(containers), storage, notifiers: ops);
        await parts.DiscoverAsync(containers.Length);
        return (parts, ops);
    }

    /// <summary>One health check, then every notification it caused, delivered.</summary>
    private static async Task<List<BackupEvent>> CheckAsync(DaemonParts parts, CollectingNotifier ops, BackupEventKind kind)
    {
        await parts.Monitor.CheckAsync(CancellationToken.None);
        await parts.Dispatcher.DrainAsync();
        return ops.Events.Where(e => e.Kind == kind).ToList();
    }

    [Test]
    public async Task CheckAsync_TargetPastScheduleAndGrace_OneOverdueAlertAndHealthReason()
    {
        var time = new ManualTime(Start);
        var (parts, ops) = await ComposeAsync(time, new OperationsSettings { OverdueGrace = TimeSpan.FromMinutes(10) }, [], FixedProvider.Labels("orders", "0 * * * *"));

        time.Now = Start.AddMinutes(69); // the 08:00 run is 9 minutes late: within the grace
        Assert.That(await CheckAsync(parts, ops, BackupEventKind.Overdue), Is.Empty);
        Assert.That(parts.Monitor.Current.Healthy, Is.True);

        time.Now = Start.AddMinutes(71);
        var overdue = await CheckAsync(parts, ops, BackupEventKind.Overdue);
        Assert.That(overdue.Select(e => e.Target), Is.EqualTo(new[] { "orders" }));
        Assert.That(overdue[0].Message, Does.Contain("within its schedule plus 00:10:00 (OverdueGrace)"));
        Assert.That(parts.Monitor.Current.Problems, Has.One.StartsWith("orders is overdue"));
        var state = parts.States.Get("orders")!;
        Assert.That((state.Overdue, state.State), Is.EqualTo((true, "overdue")), "/status, /metrics and the dashboard show it");
        Assert.That(state.Engine, Is.EqualTo("postgres"), "no run has named the engine yet; the metrics' engine label must not start out empty");

        time.Now = Start.AddMinutes(90);
        Assert.That(await CheckAsync(parts, ops, BackupEventKind.Overdue), Has.Count.EqualTo(1), "told once, not at every check");
    }

    [Test]
    public async Task CheckAsync_OverdueWithHealthOverdueOff_AlertedButHealthy()
    {
        var time = new ManualTime(Start);
        var (parts, ops) = await ComposeAsync(time, new OperationsSettings { OverdueGrace = TimeSpan.FromMinutes(10), HealthOverdue = false }, [],
            FixedProvider.Labels("orders", "0 * * * *"));

        time.Now = Start.AddHours(2);
        Assert.That(await CheckAsync(parts, ops, BackupEventKind.Overdue), Has.Count.EqualTo(1));
        Assert.That(parts.Monitor.Current.Healthy, Is.True, "BT_HEALTH_OVERDUE=false keeps /health at 200");
    }

    [Test]
    public async Task CheckAsync_StorageBelowStorageLowGb_AlertedOncePerDrop()
    {
        var time = new ManualTime(Start);
        var disk = new SpaceStorage { FreeBytes = 512L << 20 };
        var (parts, ops) = await ComposeAsync(time, new OperationsSettings { StorageLowGb = 1 }, [disk]);

        var low = await CheckAsync(parts, ops, BackupEventKind.StorageLow);
        Assert.That(low, Has.Count.EqualTo(1));
        Assert.That(low[0].Details, Does.ContainKey("Storage").WithValue("disk").And.ContainKey("Free bytes").WithValue("536870912"));
        Assert.That(low[0].Message, Does.Contain("storage disk has 512 MiB free, less than 1 GB (StorageLowGb)"));
        Assert.That(await CheckAsync(parts, ops, BackupEventKind.StorageLow), Has.Count.EqualTo(1), "still low: not told again");

        disk.FreeBytes = 5L << 30;
        Assert.That(await CheckAsync(parts, ops, BackupEventKind.StorageLow), Has.Count.EqualTo(1));
        disk.FreeBytes = 100L << 20;
        Assert.That(await CheckAsync(parts, ops, BackupEventKind.StorageLow), Has.Count.EqualTo(2), "low again after it recovered: told again");
        Assert.That(parts.Monitor.Current.StorageFreeBytes["disk"], Is.EqualTo(100L << 20));
    }

    [Test]
    public async Task CheckAsync_SummaryTime_OneSummaryADayListingEveryTarget()
    {
        var time = new ManualTime(Start.AddMinutes(59)); // 07:59 UTC; Notify:SummaryAt 08:00
        var broken = FixedProvider.Labels("broken");
        broken["baktainer.db.engine"] = "postgress";
        var (parts, ops) = await ComposeAsync(time, new OperationsSettings(), [], FixedProvider.Labels("orders"), FixedProvider.Labels("billing"), broken);
        parts.States.Seed(new BackupManifest
        {
            Id = "billing-1", Target = "billing", Engine = "postgres", Key = "2026-11-22/billing-1.sql.gz", Sha256 = "00", RawSize = 10, StoredSize = 5,
            StartedUtc = Start.AddMinutes(-2), FinishedUtc = Start.AddMinutes(-1),
        });

        Assert.That(await CheckAsync(parts, ops, BackupEventKind.Summary), Is.Empty);
        time.Now = Start.AddHours(1);
        var summary = await CheckAsync(parts, ops, BackupEventKind.Summary);
        Assert.That(summary, Has.Count.EqualTo(1));
        var lines = summary[0].Message.Split('\n');
        Assert.That(lines[0], Is.EqualTo("1 of 3 target(s) ok"));
        Assert.That(lines, Has.One.StartsWith("billing: ok, last success 2026-11-22 06:59:00Z"));
        Assert.That(lines, Has.One.EqualTo("orders: no backup yet"), "a target never backed up is in the summary too");
        Assert.That(lines, Has.One.StartsWith("broken: not backed up (").And.Contains("postgress"));

        time.Now = Start.AddHours(5);
        Assert.That(await CheckAsync(parts, ops, BackupEventKind.Summary), Has.Count.EqualTo(1), "once a day");
        time.Now = Start.AddDays(1).AddHours(1);
        Assert.That(await CheckAsync(parts, ops, BackupEventKind.Summary), Has.Count.EqualTo(2), "and again the next day");
    }
}
