using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Example.Baktainer.Storage.Tests;

/// <summary>The plugin as the host loads it: its services, resolved from a container.</summary>
public sealed class StoragePluginTests
{
    [Test]
    public void ConfigureServices_Registers_TheFactoryUnderItsType()
    {
        var services = new ServiceCollection();

        new StoragePlugin().ConfigureServices(services, new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetServices<IStorageTargetFactory>().Select(f => f.Type), Is.EqualTo(new[] { "examplestore" }));
    }
}
