using Baktainer.Abstractions;
using Baktainer.Discovery.Docker;
using Microsoft.Extensions.Configuration;

namespace Discovery.Docker.Tests;

/// <summary>A docker entry's settings (or the Docker section BT_DOCKER_URL and friends set), read with the shared settings reader.</summary>
public sealed class DockerDiscoveryOptionsTests
{
    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create<string, string?>($"Docker:{v.Key}", v.Value))).Build().GetSection("Docker");

    [Test]
    public void From_Settings_EveryOneTaken()
    {
        var options = DockerDiscoveryOptions.From("docker", Section(("Url", "tcp://10.0.0.2:2376"), ("Tls", "true"), ("Ca", "/c/ca.pem"), ("Cert", "/c/cert.pem"),
            ("Key", "/c/key.pem"), ("PollInterval", "10s"), ("RetryAttempts", "2"), ("RetryDelay", "1s")));
        Assert.That((options.Url, options.Tls, options.Ca, options.Cert, options.Key!.Reveal(), options.PollInterval, options.RetryAttempts, options.RetryDelay),
            Is.EqualTo(("tcp://10.0.0.2:2376", true, "/c/ca.pem", "/c/cert.pem", "/c/key.pem", TimeSpan.FromSeconds(10), 2, TimeSpan.FromSeconds(1))));
    }

    [Test]
    public void From_Nothing_Defaults()
    {
        var options = DockerDiscoveryOptions.From("docker", Section());
        Assert.That((options.Url, options.Tls, options.Key), Is.EqualTo(("unix:///var/run/docker.sock", false, (Secret?)null)));
    }

    [Test]
    public void From_BadValues_AllListedNamingEachKey()
    {
        var e = Assert.Throws<BaktainerException>(() => DockerDiscoveryOptions.From("docker", Section(("Url", "http://docker"), ("Tls", "maybe"), ("Cert", "/c/cert.pem"), ("RetryAttempts", "-1"))));
        Assert.That(e!.Message, Is.EqualTo("Docker discovery 'docker': " +
            "Docker:Url has invalid value \"http://docker\"; expected a unix:///path/to/docker.sock or tcp://host:port URL; " +
            "Docker:Tls has invalid value \"maybe\"; expected true or false; " +
            "Docker:RetryAttempts has invalid value \"-1\"; expected a whole number from 0 to 100; " +
            "Docker:Cert and Docker:Key must be given together (a client certificate and its private key)"));
    }
}
