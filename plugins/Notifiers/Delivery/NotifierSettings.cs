using Baktainer.Abstractions;
using Baktainer.Abstractions.Labels;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Notifiers.Delivery;

/// <summary>Reads one notifier entry's settings; every error names the notifier and the key.</summary>
internal sealed class NotifierSettings(string name, string type, IConfiguration section)
{
    public string Name => name;

    /// <summary>A required absolute http(s) URL, kept as a secret (it often carries a token).</summary>
    public Secret Url(string key = "Url")
    {
        var value = Text(key) ?? throw Error(key, "is missing", "an http:// or https:// URL");
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new Secret(value)
            : throw Error(key, "is not an http(s) URL (value hidden)", "an http:// or https:// URL");
    }

    public string? Text(string key) => section[key] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public string RequiredText(string key, string expected) => Text(key) ?? throw Error(key, "is missing", expected);

    public Secret? OptionalSecret(string key) => Text(key) is { } v ? new Secret(v) : null;

    public TimeSpan Duration(string key, TimeSpan fallback) =>
        Text(key) is not { } v ? fallback : LabelValues.TryDuration(v, out var d) ? d : throw Error(key, $"has invalid value \"{v}\"", "a duration such as 10s, 2m or 00:00:30");

    public int Integer(string key, int fallback, int min, int max) =>
        Text(key) is not { } v ? fallback : LabelValues.TryInteger(v, min, max, out var n) ? (int)n : throw Error(key, $"has invalid value \"{v}\"", $"a whole number from {min} to {max}");

    public bool Boolean(string key, bool fallback) =>
        Text(key) is not { } v ? fallback : LabelValues.TryBoolean(v, out var b) ? b : throw Error(key, $"has invalid value \"{v}\"", "true or false");

    /// <summary>The HTTP delivery settings shared by every HTTP notifier.</summary>
    public DeliveryOptions Delivery() => new(
        Duration("Timeout", DeliveryOptions.Default.Timeout),
        Integer("Retries", DeliveryOptions.Default.Retries, 0, 10),
        Duration("RetryDelay", DeliveryOptions.Default.RetryDelay));

    public BaktainerException Error(string key, string problem, string expected) =>
        new($"{type} notifier '{name}': {key} {problem}; expected {expected}");
}
