namespace Baktainer.Tests.Shared.Docker;

/// <summary>The containers a test started, all removed together when it ends.</summary>
internal sealed class ContainerSet : IAsyncDisposable
{
    private readonly List<TestContainer> _containers = [];

    /// <summary>Removes <paramref name="container"/> with the others.</summary>
    public TestContainer Track(TestContainer container)
    {
        _containers.Add(container);
        return container;
    }

    public IEnumerable<string> Names => _containers.Select(c => c.Name);

    public async ValueTask DisposeAsync()
    {
        foreach (var container in _containers) await container.DisposeAsync();
        _containers.Clear();
    }
}
