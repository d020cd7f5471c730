using Baktainer.Abstractions;
using Baktainer.Abstractions.Configuration;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Discovery.Docker;

/// <summary>One Docker discovery entry (<c>Discovery[i]</c>, or the default built from BT_DOCKER_URL, BT_SSL, BT_CA, BT_CERT, BT_KEY).</summary>
public sealed record DockerDiscoveryOptions
{
    /// <summary><c>unix:///path</c> or <c>tcp://host:port</c>.</summary>
    public string Url { get; init; } = "unix:///var/run/docker.sock";
    /// <summary>Use TLS for tcp:// URLs.</summary>
    public bool Tls { get; init; }
    /// <summary>CA certificate: a file path or PEM text.</summary>
    public string? Ca { get; init; }
    /// <summary>Client certificate: a file path or PEM text.</summary>
    public string? Cert { get; init; }
    /// <summary>Client key: a file path or PEM text.</summary>
    public Secret? Key { get; init; }
    /// <summary>How often live discovery re-lists containers, also while the event stream is down.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Retries of a transient daemon error before giving up on one call.</summary>
    public int RetryAttempts { get; init; } = 4;
    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Reads an entry's settings (or, for the default entry, the <c>Docker</c> section that BT_DOCKER_URL,
    /// BT_SSL, BT_CA, BT_CERT and BT_KEY set); errors name each key.
    /// </summary>
    /// <exception cref="BaktainerException">Invalid values, all of them listed.</exception>
    public static DockerDiscoveryOptions From(string name, IConfiguration section)
    {
        var s = new SettingsSection(section, $"Docker discovery '{name}'");
        var defaults = new DockerDiscoveryOptions();
        var url = s.Text("Url") ?? defaults.Url;
        if (!url.StartsWith("unix://", StringComparison.Ordinal) && !url.StartsWith("tcp://", StringComparison.Ordinal))
            s.Invalid("Url", url, "a unix:///path/to/docker.sock or tcp://host:port URL");
        var options = new DockerDiscoveryOptions
        {
            Url = url,
            Tls = s.Boolean("Tls", false),
            Ca = s.Text("Ca"),
            Cert = s.Text("Cert"),
            Key = s.Secret("Key"),
            PollInterval = s.Duration("PollInterval", defaults.PollInterval),
            RetryAttempts = s.Integer("RetryAttempts", defaults.RetryAttempts, 0, 100),
            RetryDelay = s.Duration("RetryDelay", defaults.RetryDelay),
        };
        if ((options.Cert is null) != (options.Key is null))
            s.Error($"{s.Describe("Cert")} and {s.Describe("Key")} must be given together (a client certificate and its private key)");
        s.ThrowIfInvalid();
        return options;
    }
}
