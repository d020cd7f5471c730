using Baktainer.Abstractions;
using Baktainer.Abstractions.Configuration;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Notifiers.Delivery;

/// <summary>What every notifier entry reads with the shared <see cref="SettingsSection"/>: errors name the notifier and the key.</summary>
internal static class NotifierSettings
{
    /// <summary>A reader for one entry; its errors start with <c>&lt;type&gt; notifier '&lt;name&gt;'</c>.</summary>
    public static SettingsSection For(string name, string type, IConfiguration section) => new(section, $"{type} notifier '{name}'");

    /// <summary>A required absolute http(s) URL, kept as a secret (it often carries a token, so it is never echoed).</summary>
    public static Secret? Url(this SettingsSection s, string key = "Url")
    {
        const string expected = "an http:// or https:// URL";
        if (s.Required(key, expected) is not { } value) return null;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return new Secret(value);
        s.Problem(key, "is not an http(s) URL (value hidden)", expected);
        return null;
    }

    /// <summary>The HTTP delivery settings shared by every HTTP notifier (<c>Timeout</c>, <c>Retries</c>, <c>RetryDelay</c>).</summary>
    public static DeliveryOptions Delivery(this SettingsSection s) => new(
        s.Duration("Timeout", DeliveryOptions.Default.Timeout),
        s.Integer("Retries", DeliveryOptions.Default.Retries, 0, 10),
        s.Duration("RetryDelay", DeliveryOptions.Default.RetryDelay));
}
