using Baktainer.Abstractions.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Example.Baktainer.Notifier.Tests;

/// <summary>The plugin as the host loads it: its services, resolved from a container.</summary>
public sealed class NotifierPluginTests
{
    [Test]
    public void ConfigureServices_Registers_TheFactoryUnderItsType()
    {
        var services = new ServiceCollection();

        new NotifierPlugin().ConfigureServices(services, new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetServices<INotifierFactory>().Select(f => f.Type), Is.EqualTo(new[] { "examplehook" }));
    }
}
