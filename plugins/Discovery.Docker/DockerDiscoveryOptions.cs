using Baktainer.Abstractions;
using Baktainer.Abstractions.Labels;
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

    /// <summary>Reads an entry's settings; errors name the key.</summary>
    /// <exception cref="BaktainerException">An invalid value.</exception>
    public static DockerDiscoveryOptions From(string name, IConfiguration section)
    {
        var defaults = new DockerDiscoveryOptions();
        return new DockerDiscoveryOptions
        {
            Url = Value(section, "Url") ?? defaults.Url,
            Tls = Value(section, "Tls") is { } tls ? LabelValues.TryBoolean(tls, out var b) ? b : throw Invalid(name, "Tls", tls, "true or false") : false,
            Ca = Value(section, "Ca"),
            Cert = Value(section, "Cert"),
            Key = Value(section, "Key") is { } key ? new Secret(key) : null,
            PollInterval = Duration(name, section, "PollInterval") ?? defaults.PollInterval,
            RetryAttempts = Value(section, "RetryAttempts") is { } r
                ? LabelValues.TryInteger(r, 0, 100, out var n) ? (int)n : throw Invalid(name, "RetryAttempts", r, "a whole number from 0 to 100")
                : defaults.RetryAttempts,
            RetryDelay = Duration(name, section, "RetryDelay") ?? defaults.RetryDelay,
        };
    }

    private static string? Value(IConfiguration section, string key) => section[key] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static TimeSpan? Duration(string name, IConfiguration section, string key) =>
        Value(section, key) is { } v ? LabelValues.TryDuration(v, out var d) ? d : throw Invalid(name, key, v, "a duration such as 30s, 5m or 00:00:30") : null;

    private static BaktainerException Invalid(string name, string key, string value, string expected) =>
        new($"Docker discovery '{name}': setting {key} has invalid value \"{value}\"; expected {expected}");
}
