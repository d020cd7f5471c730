using System.Net;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using Baktainer.Tests.Shared.Http;
using Discovery.Docker.Tests.Support;

namespace EndToEnd.Tests.Api;

/// <summary>/health of a running daemon: 503 with the reason while Docker is unreachable or a target is overdue, 200 again after.</summary>
[Category("Docker")]
public sealed class HealthTests : EndToEndTest
{
    [Test]
    public async Task Health_DockerSocketGoneAndBack_503WithReasonThen200()
    {
        using var folder = new TempFolder("bt-sock");
        var socket = folder.Combine("docker.sock");
        var proxy = new UnixSocketProxy(socket, "/var/run/docker.sock");
        await using var hook = await RecordingEndpoint.StartAsync();
        using var daemon = await ApiDaemon.StartAsync(Backups.Environment(("BT_DOCKER_URL", "unix://" + socket), ("BT_CRON", "0 0 1 1 *"),
            ("Baktainer__HealthInterval", "1s"), ("BT_DOCKER_UNREACHABLE_AFTER", "2s"), ("BT_NOTIFICATION_CHANNELS", "webhook"), ("BT_WEBHOOK_URL", hook.Url("/alerts"))));
        try
        {
            Assert.That((await daemon.HealthBecomesAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(15))).Status, Is.EqualTo(HttpStatusCode.OK), daemon.Process.Output);

            await proxy.DisposeAsync();
            var down = await daemon.HealthBecomesAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(15));
            Assert.That(down.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), daemon.Process.Output);
            Assert.That(down.Body, Does.Contain("Docker unreachable"));
            Assert.That((await daemon.SendAsync(HttpMethod.Get, "/ready")).Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            var alert = await hook.WaitForAsync(r => r.Body.Contains("\"type\":\"docker.unreachable\""), 1, TimeSpan.FromSeconds(15));
            Assert.That(alert, Has.Count.EqualTo(1), "one alert once Docker has been unreachable for BT_DOCKER_UNREACHABLE_AFTER\n" + daemon.Process.Output);

            proxy = new UnixSocketProxy(socket, "/var/run/docker.sock");
            Assert.That((await daemon.HealthBecomesAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(15))).Status, Is.EqualTo(HttpStatusCode.OK), daemon.Process.Output);
            var recovered = await hook.WaitForAsync(r => r.Body.Contains("\"type\":\"target.recovered\""), 1, TimeSpan.FromSeconds(10));
            Assert.That(recovered.Single().Body, Does.Contain("Docker is reachable again"));
        }
        finally
        {
            daemon.Process.Terminate();
            await daemon.Process.WaitForExitAsync(TimeSpan.FromSeconds(15));
            await proxy.DisposeAsync();
        }
    }

    [Test]
    public async Task Health_TargetPastOverdueThreshold_503ThenBackTo200AfterSuccess()
    {
        var db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("api-overdue"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/later/app.db", ["baktainer.schedule"] = "*/3 * * * * *",
        }));
        using var daemon = await ApiDaemon.StartAsync(Backups.Environment(("BT_CRON_SECONDS", "true"), ("BT_CRON", "0 0 0 1 1 *"), ("BT_CATCH_UP", "false"),
            ("BT_OVERDUE_GRACE", "2s"), ("BT_RETRY_ATTEMPTS", "0"), ("Baktainer__HealthInterval", "1s")));

        var overdue = await daemon.HealthBecomesAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20));
        Assert.That(overdue.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), daemon.Process.Output);
        Assert.That(overdue.Body, Does.Contain($"{db.Name} is overdue"));
        Assert.That((await daemon.SendAsync(HttpMethod.Get, "/metrics")).Body, Does.Contain($"baktainer_target_overdue{{target=\"{db.Name}\",engine=\"sqlite\"}} 1"));

        await DockerCli.CheckAsync("exec", db.Name, "mkdir", "-p", "/data/later");
        await DatabaseContainers.SqliteAsync(db, "/data/later/app.db", "create table t(x);");
        var healthy = await daemon.HealthBecomesAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(20));
        Assert.That(healthy.Status, Is.EqualTo(HttpStatusCode.OK), daemon.Process.Output);
        Assert.That(Directory.EnumerateFiles(Backups.Path, db.Name + "-*.json", SearchOption.AllDirectories), Is.Not.Empty, "a backup succeeded");
    }

    [Test]
    public async Task Health_BackupFolderCannotBeWritten_503NamingFolderThen200()
    {
        var folder = Path.Combine(Backups.Path, "store");
        using var daemon = await ApiDaemon.StartAsync(Backups.Environment(("BT_BACKUP_DIR", folder), ("BT_CRON", "0 0 1 1 *"), ("Baktainer__HealthInterval", "1s")));
        Assert.That((await daemon.HealthBecomesAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(15))).Status, Is.EqualTo(HttpStatusCode.OK), daemon.Process.Output);

        // As root (CI) permissions do not stop a write: a file where the folder should be does.
        Directory.Delete(folder, recursive: true);
        await File.WriteAllTextAsync(folder, "not a folder");
        var down = await daemon.HealthBecomesAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(15));
        Assert.That(down.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), daemon.Process.Output);
        Assert.That(down.Body, Does.Contain("storage local: ").And.Contain(folder));

        File.Delete(folder);
        Assert.That((await daemon.HealthBecomesAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(15))).Status, Is.EqualTo(HttpStatusCode.OK), daemon.Process.Output);
    }
}
