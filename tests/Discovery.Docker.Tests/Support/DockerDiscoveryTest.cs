using Baktainer.Tests.Shared.Docker;

namespace Discovery.Docker.Tests.Support;

/// <summary>Base of the real-engine discovery tests: a fixture with recorded logs and the containers a test started.</summary>
public abstract class DockerDiscoveryTest
{
    internal DockerFixture Fixture { get; private set; } = null!;
    internal ContainerSet Containers { get; private set; } = null!;

    [SetUp]
    public async Task StartFixture()
    {
        await TestDocker.EnsureReadyAsync();
        Fixture = new DockerFixture();
        Containers = new ContainerSet();
    }

    [TearDown]
    public async Task StopFixture()
    {
        await Containers.DisposeAsync();
        Fixture.Dispose();
    }
}
