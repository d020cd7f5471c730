using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Daemon;

/// <summary>
/// <c>baktainer run</c> logs a container's label problem once, however many times discovery sees
/// the container again, and once more only when the problem is a different one. With Docker the
/// provider already reports a container again only when its state or labels changed; the
/// watcher's own de-duplication (for providers that hand every target over on each poll) is
/// covered by <c>TargetWatcherTests.RunAsync_LabelProblemSeenEveryPoll_LoggedOnce</c>.
/// </summary>
[Category("Docker")]
public sealed class DaemonLabelProblemTests : EndToEndTest
{
    private static int Count(string output, string text) => Regex.Matches(output, Regex.Escape(text)).Count;

    private static Dictionary<string, string> BadEngine(string engine) => new()
    {
        ["baktainer.backup"] = "true", ["baktainer.db.engine"] = engine, ["baktainer.db.name"] = "/data/app.db",
    };

    [Test]
    public async Task Run_LabelProblem_LoggedOnceAcrossDiscoveryCyclesAndAgainOnlyWhenItChanges()
    {
        var name = TestContainer.UniqueName("bad-label");
        var bad = Track(await TestContainer.StartAsync(name, BadEngine("sqlitte")));
        // Re-listing every second besides Docker's events: many discovery cycles in the test's few seconds.
        using var daemon = new DaemonProcess(Backups.Environment(("BT_CRON", "0 0 1 1 *"), ("BT_CATCH_UP", "false"),
            ("Baktainer__Discovery__0__Name", "docker"), ("Baktainer__Discovery__0__Type", "docker"), ("Baktainer__Discovery__0__PollInterval", "1s")));
        await Eventually.HoldsAsync(() => daemon.Output.Contains("sqlitte"), TimeSpan.FromSeconds(20), "the first problem line\n" + daemon.Output);

        // More cycles: another labelled container comes and goes (events), and polls run meanwhile.
        var other = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("label-cycles"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await Eventually.HoldsAsync(() => daemon.Output.Contains($"Scheduled {other.Name}"), TimeSpan.FromSeconds(20), "a later container seen\n" + daemon.Output);
        await DockerCli.CheckAsync("stop", "-t", "0", bad.Name);
        await DockerCli.CheckAsync("start", bad.Name);
        await DockerCli.CheckAsync("rm", "-f", other.Name);
        await Eventually.HoldsAsync(() => daemon.Output.Contains($"{other.Name} ({other.Name}) is gone"), TimeSpan.FromSeconds(20), "the later container gone\n" + daemon.Output);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the point of the test: three more 1 s polls that must not log it again

        var output = daemon.Output;
        Assert.That(Count(output, "sqlitte"), Is.EqualTo(1), "one line for the problem, however often it is seen:\n" + output);
        Assert.That(output, Does.Contain($"{name} ({name}) is not backed up"));

        // A different problem (the container re-created under the same name with another label) is logged, once.
        await DockerCli.CheckAsync("rm", "-f", bad.Name);
        Track(await TestContainer.StartAsync(name, BadEngine("postgress")));
        await Eventually.HoldsAsync(() => daemon.Output.Contains("postgress"), TimeSpan.FromSeconds(20), "the new problem line\n" + daemon.Output);
        await Task.Delay(TimeSpan.FromSeconds(3)); // again polls that must not repeat it
        daemon.Terminate();
        Assert.That(await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(0), daemon.Output);

        output = daemon.Output;
        await TestContext.Out.WriteLineAsync(output);
        Assert.That(Count(output, "postgress"), Is.EqualTo(1), output);
        Assert.That(Count(output, "sqlitte"), Is.EqualTo(1), output);
    }
}
