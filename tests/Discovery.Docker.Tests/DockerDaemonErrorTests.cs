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
    public async Task ApiVersion_NegotiatedWithDaemon()
    {
        await TestDocker.EnsureReadyAsync();
        using var client = new DockerApiClient(DockerEndpoint.Parse("unix://" + TestDocker.SocketPath, null));
        var daemon = await client.VersionAsync(CancellationToken.None);
        var used = Version.Parse(await client.ApiVersionAsync(CancellationToken.None));
        Assert.That(used, Is.LessThanOrEqualTo(Version.Parse(daemon.ApiVersion!)));
        Assert.That(used, Is.LessThanOrEqualTo(Version.Parse(DockerApiClient.MaxApiVersion)));
        await client.PingAsync(CancellationToken.None);
    }

    [TestCase("http://docker:2375")]
    [TestCase("unix://relative.sock")]
    [TestCase("docker.sock")]
    public void Parse_BadUrl_ErrorNamesSetting(string url)
    {
        var e = Assert.Throws<DockerException>(() => DockerEndpoint.Parse(url, null));
        Assert.That(e!.Message, Does.Contain(url).And.Contain("BT_DOCKER_URL"));
    }

    [Test]
    public void Exceptions_AreBaktainerExceptions() =>
        Assert.That(typeof(BaktainerException).IsAssignableFrom(typeof(DockerException)), Is.True);
}
