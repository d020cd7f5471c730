using Baktainer.Abstractions.Discovery;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using Discovery.Docker.Tests.Support;

namespace Discovery.Docker.Tests;

[Category("Docker")]
public sealed class DockerWatchTests : DockerDiscoveryTest
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "app",
    };

    /// <summary>Collects changes in the background until the returned source is cancelled.</summary>
    private static (List<TargetChange> Seen, CancellationTokenSource Stop, Task Loop) Watch(IWatchableDiscovery provider)
    {
        var seen = new List<TargetChange>();
        var stop = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in provider.WatchAsync(stop.Token))
                    lock (seen) seen.Add(change);
            }
            catch (OperationCanceledException) { }
        });
        return (seen, stop, loop);
    }

    private static async Task<TargetChange?> WaitFor(List<TargetChange> seen, Func<TargetChange, bool> match, TimeSpan within)
    {
        TargetChange? found = null;
        await Eventually.TryAsync(() => { lock (seen) return (found = seen.FirstOrDefault(match)) is not null; }, within);
        return found;
    }

    /// <summary>
    /// Starts a labelled container before the watch and waits until the watch lists it: from then on
    /// the first listing is done, so anything later can only arrive through the event stream.
    /// </summary>
    private async Task<TestContainer> StartSentinel() =>
        Containers.Track(await TestContainer.StartAsync(TestContainer.UniqueName("sentinel"), Labels));

    private static async Task WaitListed(List<TargetChange> seen, TestContainer sentinel) =>
        Assert.That(await WaitFor(seen, c => c.Target?.DisplayName == sentinel.Name, TimeSpan.FromSeconds(20)), Is.Not.Null, "the watch lists existing containers first");

    [Test]
    public async Task WatchAsync_ContainerStartedLater_IsSeenThenRemoved()
    {
        var sentinel = await StartSentinel();
        var provider = Fixture.Provider(poll: TimeSpan.FromMinutes(5));
        var (seen, stop, loop) = Watch(provider);
        await WaitListed(seen, sentinel);

        var late = Containers.Track(await TestContainer.StartAsync(TestContainer.UniqueName("late"), Labels));
        var added = await WaitFor(seen, c => c.Kind == TargetChangeKind.AddedOrChanged && c.Target!.DisplayName == late.Name && c.Target.Status == TargetStatus.Ready, TimeSpan.FromSeconds(10));
        Assert.That(added, Is.Not.Null, "a labelled container started after discovery began is found from the event stream (poll interval is 5 min)");

        await DockerCli.CheckAsync("rm", "-f", late.Name);
        var removed = await WaitFor(seen, c => c.Kind == TargetChangeKind.Removed && c.TargetId == late.Id, TimeSpan.FromSeconds(10));
        Assert.That(removed, Is.Not.Null);

        stop.Cancel();
        await loop;
    }

    [Test]
    public async Task WatchAsync_EventStreamBroken_ReconnectsAndStillSeesNewContainers()
    {
        using var folder = new TempFolder("bt-proxy");
        await using var proxy = new UnixSocketProxy(folder.Combine("docker.sock"), TestDocker.SocketPath);
        var provider = Fixture.Provider(url: proxy.Url, poll: TimeSpan.FromMinutes(5));
        var sentinel = await StartSentinel();
        var (seen, stop, loop) = Watch(provider);
        await WaitListed(seen, sentinel);
        var connectionsBefore = proxy.Accepted;

        proxy.DropAll();
        await Eventually.HoldsAsync(() => Fixture.Logs.Lines.Any(l => l.Message.Contains("event stream")), TimeSpan.FromSeconds(20), "the watcher to notice the broken stream");
        var after = Containers.Track(await TestContainer.StartAsync(TestContainer.UniqueName("afterbreak"), Labels));

        var added = await WaitFor(seen, c => c.Target?.DisplayName == after.Name, TimeSpan.FromSeconds(20));
        Assert.That(added, Is.Not.Null, "after the stream broke, the watcher re-listed and reconnected");
        Assert.That(proxy.Accepted, Is.GreaterThan(connectionsBefore), "a new connection was made");
        Assert.That(Fixture.Logs.Lines.Select(l => l.Message), Has.Some.Contains("event stream"));

        // And the re-established stream delivers live events again.
        var second = Containers.Track(await TestContainer.StartAsync(TestContainer.UniqueName("afterreconnect"), Labels));
        Assert.That(await WaitFor(seen, c => c.Target?.DisplayName == second.Name, TimeSpan.FromSeconds(10)), Is.Not.Null);

        stop.Cancel();
        await loop;
    }
}
