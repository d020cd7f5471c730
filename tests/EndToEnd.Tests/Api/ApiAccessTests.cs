using System.Net;
using System.Net.Sockets;
using Baktainer.Tests.Shared;
using EndToEnd.Tests.Daemon;

namespace EndToEnd.Tests.Api;

/// <summary>The HTTP side's switches on a running daemon: turned off nothing listens; without a token nothing changes state.</summary>
[Category("Docker")]
public sealed class ApiAccessTests : EndToEndTest
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Test]
    public async Task Run_HealthEnabledFalse_NothingListensOnThePort()
    {
        var port = FreePort();
        using var daemon = new DaemonProcess(Backups.Environment(("BT_HEALTH_ENABLED", "false"), ("BT_HEALTH_PORT", port.ToString()), ("BT_CRON", "0 0 1 1 *")));
        await Eventually.HoldsAsync(() => daemon.Output.Contains("Baktainer daemon started"), TimeSpan.FromSeconds(30), "the daemon to start\n" + daemon.Output);

        Assert.That(daemon.Output, Does.Contain("HTTP API off (HealthEnabled / BT_HEALTH_ENABLED is false)"));
        using var client = new TcpClient();
        var refused = Assert.ThrowsAsync<SocketException>(async () => await client.ConnectAsync(IPAddress.Loopback, port));
        Assert.That(refused!.SocketErrorCode, Is.EqualTo(SocketError.ConnectionRefused));
        daemon.Terminate();
        Assert.That(await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(0), daemon.Output);
    }

    [Test]
    public async Task RunNow_NoApiTokenConfigured_403NamingTheSettingAndReadsOpen()
    {
        using var daemon = await ApiDaemon.StartAsync(Backups.Environment(("BT_CRON", "0 0 1 1 *")));

        var (status, body) = await daemon.SendAsync(HttpMethod.Post, "/targets/anything/backup");
        var (withSomeToken, _) = await daemon.SendAsync(HttpMethod.Post, "/targets/anything/backup", "guessed");

        Assert.That((status, withSomeToken), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)), "a state change always needs BT_API_TOKEN");
        Assert.That(body, Does.Contain("set BT_API_TOKEN"));
        Assert.That((await daemon.SendAsync(HttpMethod.Get, "/status")).Status, Is.EqualTo(HttpStatusCode.OK), "without a token reads are open");
        Assert.That(daemon.Process.Output, Does.Contain("(no BT_API_TOKEN: read-only, run-now disabled)"));
    }
}
