using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Discovery.Docker.Client;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using Discovery.Docker.Tests.Support;

namespace Discovery.Docker.Tests;

[Category("Docker")]
public sealed class DockerDaemonErrorTests
{
    private DockerFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new DockerFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public void DiscoverAsync_SocketMissing_ClearTransientError()
    {
        var provider = _fixture.Provider(url: "unix:///tmp/bt-no-such-dir/docker.sock");
        var e = Assert.ThrowsAsync<DockerException>(async () => { await foreach (var _ in provider.DiscoverAsync(CancellationToken.None)) { } });
        Assert.That(e!.Message, Is.EqualTo("cannot reach the Docker daemon at unix:///tmp/bt-no-such-dir/docker.sock: the socket /tmp/bt-no-such-dir/docker.sock does not exist; is dockerd running and the socket mounted (BT_DOCKER_URL)?"));
        Assert.That(e.IsTransient, Is.True);
    }

    [Test]
    public void DiscoverAsync_SocketMissing_RetriedWithBackoffThenFails()
    {
        var provider = _fixture.Provider(url: "unix:///tmp/bt-no-such-dir/docker.sock", retries: 2);
        Assert.ThrowsAsync<DockerException>(async () => { await foreach (var _ in provider.DiscoverAsync(CancellationToken.None)) { } });
        Assert.That(_fixture.Logs.Lines.Count(l => l.Message.StartsWith("Docker call failed")), Is.EqualTo(2));
    }

    [Test]
    public void DiscoverAsync_NothingListening_ConnectionRefusedIsClear()
    {
        using var folder = new TempFolder("bt-dead");
        var path = folder.Combine("dead.sock");
        using (var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified))
            socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path)); // a socket file nobody listens on
        var provider = _fixture.Provider(url: "unix://" + path);
        var e = Assert.ThrowsAsync<DockerException>(async () => { await foreach (var _ in provider.DiscoverAsync(CancellationToken.None)) { } });
        Assert.That(e!.Message, Does.StartWith($"cannot reach the Docker daemon at unix://{path}"));
    }

    [Test]
    public async Task RunAsync_ContainerGoneAfterDiscovery_ErrorNamesIt()
    {
        await TestDocker.EnsureReadyAsync();
        var container = await TestContainer.StartAsync(TestContainer.UniqueName("gone"),
            new Dictionary<string, string> { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "x" });
        var provider = _fixture.Provider();
        BackupTarget? target = null;
        await foreach (var t in provider.DiscoverAsync(CancellationToken.None)) if (t.DisplayName == container.Name) target = t;
        await container.DisposeAsync();

        var e = Assert.ThrowsAsync<DockerException>(() => target!.Shell.RunAsync(new ExecRequest(["true"]), null, Stream.Null, CancellationToken.None));
        Assert.That(e!.Message, Does.StartWith($"container '{container.Name}': cannot run true: Docker daemon: No such container: {container.Id}"));
        Assert.That(e.Message, Does.Contain("(HTTP 404)"));
        Assert.That(e.IsTransient, Is.False);
    }

    [Test]
    public async Task RunAsync_ContainerStopped_ErrorSaysNotRunning()
    {
        await TestDocker.EnsureReadyAsync();
        await using var container = await TestContainer.StartAsync(TestContainer.UniqueName("stopped"),
            new Dictionary<string, string> { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "x" });
        var provider = _fixture.Provider();
        BackupTarget? target = null;
        await foreach (var t in provider.DiscoverAsync(CancellationToken.None)) if (t.DisplayName == container.Name) target = t;
        await DockerCli.CheckAsync("kill", container.Name);

        var e = Assert.ThrowsAsync<DockerException>(() => target!.Shell.RunAsync(new ExecRequest(["true"]), null, Stream.Null, CancellationToken.None));
        Assert.That(e!.Message, Does.Contain($"container '{container.Name}'").And.Contain("is not running").And.Contain("(HTTP 409)"));
    }

    [Test]
    public async Task ApiVersion_RealDaemon_SameAsDockerCliReportsCappedAtMax()
    {
        await TestDocker.EnsureReadyAsync();
        using var client = new DockerApiClient(DockerEndpoint.Parse("unix://" + TestDocker.SocketPath, null));
        var reported = Version.Parse(await DockerCli.CheckAsync("version", "--format", "{{.Server.APIVersion}}"));
        var expected = reported < Version.Parse(DockerApiClient.MaxApiVersion) ? reported : Version.Parse(DockerApiClient.MaxApiVersion);
        Assert.That(Version.Parse(await client.ApiVersionAsync(CancellationToken.None)), Is.EqualTo(expected));
    }

    [TestCase("1.30", "1.30")]
    [TestCase("1.99", DockerApiClient.MaxApiVersion)]
    public async Task ApiVersion_DaemonReportsVersion_ClientAdoptsItCappedAtMax(string daemonVersion, string expected)
    {
        using var folder = new TempFolder("bt-fakeapi");
        using var daemon = new FakeVersionDaemon(folder.Combine("docker.sock"), daemonVersion);
        using var client = new DockerApiClient(DockerEndpoint.Parse(daemon.Url, null));

        Assert.That(await client.ApiVersionAsync(CancellationToken.None), Is.EqualTo(expected));
        try { await client.ListContainersAsync("baktainer.backup", CancellationToken.None); }
        catch (Exception e) when (e is BaktainerException or System.Text.Json.JsonException) { /* the fake answers every path with /version's body */ }
        Assert.That(daemon.Paths, Has.Some.StartsWith($"/v{expected}/containers/json"), "later calls use the negotiated version in their path");
    }

    [TestCase("http://docker:2375")]
    [TestCase("unix://relative.sock")]
    [TestCase("docker.sock")]
    public void Parse_BadUrl_ErrorNamesSetting(string url)
    {
        var e = Assert.Throws<DockerException>(() => DockerEndpoint.Parse(url, null));
        Assert.That(e!.Message, Does.Contain(url).And.Contain("BT_DOCKER_URL"));
    }
}
