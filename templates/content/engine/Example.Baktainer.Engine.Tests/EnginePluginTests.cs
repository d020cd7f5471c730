using Baktainer.Abstractions.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Example.Baktainer.Engine.Tests;

/// <summary>The plugin as the host loads it: its services, resolved from a container.</summary>
public sealed class EnginePluginTests
{
    [Test]
    public void ConfigureServices_Registers_TheEngineUnderItsName()
    {
        var services = new ServiceCollection();

        new EnginePlugin().ConfigureServices(services, new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetServices<IBackupStrategy>().Select(s => s.Engine), Is.EqualTo(new[] { "exampledb" }));
    }
}
