using Baktainer.Tests.Shared;
using Baktainer.Discovery.Docker;
using Baktainer.Tests.Shared.Docker;
using Microsoft.Extensions.Logging;

namespace Discovery.Docker.Tests.Support;

/// <summary>Creates providers against the real daemon (or a given URL) with recorded logs.</summary>
internal sealed class DockerFixture : IDisposable
{
    public RecordingLoggerProvider Logs { get; } = new();
    private readonly ILoggerFactory _loggers;

    public DockerFixture() => _loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));

    private readonly List<IDisposable> _providers = [];

    public DockerDiscoveryProvider Provider(string? url = null, int retries = 0, TimeSpan? poll = null)
    {
        var provider = new DockerDiscoveryFactory(_loggers, TimeProvider.System, TestLabels.BundledEngines).Create("docker", new DockerDiscoveryOptions
        {
            Url = url ?? "unix://" + TestDocker.SocketPath,
            RetryAttempts = retries,
            RetryDelay = TimeSpan.FromMilliseconds(50),
            PollInterval = poll ?? TimeSpan.FromSeconds(30),
        });
        _providers.Add(provider);
        return provider;
    }

    public void Dispose()
    {
        foreach (var provider in _providers) provider.Dispose();
        _loggers.Dispose();
    }
}
