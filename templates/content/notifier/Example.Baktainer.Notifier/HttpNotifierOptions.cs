using Baktainer.Abstractions;
using Baktainer.Abstractions.Configuration;
using Microsoft.Extensions.Configuration;

namespace Example.Baktainer.Notifier;

/// <summary>The settings of one <c>examplehook</c> entry in <c>Notifiers</c>.</summary>
/// <param name="Url">Where events are posted (<c>Url</c>, http or https). It may hold a token: it is never shown.</param>
/// <param name="Timeout">How long one delivery may take (<c>Timeout</c>, a duration such as 10s, the default).</param>
public sealed record HttpNotifierOptions(Uri Url, TimeSpan Timeout)
{
    /// <summary>
    /// Reads an entry with the shared <see cref="SettingsSection"/>: every key read here is known to the
    /// host (others are reported as unknown), and every bad value is reported at once, naming its key.
    /// </summary>
    /// <exception cref="BaktainerException">A setting is missing or invalid; the message names the key, never the URL.</exception>
    public static HttpNotifierOptions From(string name, IConfiguration settings)
    {
        var section = new SettingsSection(settings, $"{HttpNotifierFactory.TypeName} notifier '{name}'");
        var url = ReadUrl(section);
        var timeout = section.Duration("Timeout", TimeSpan.FromSeconds(10));
        section.ThrowIfInvalid();
        return new HttpNotifierOptions(url!, timeout);
    }

    private static Uri? ReadUrl(SettingsSection section)
    {
        const string expected = "an http:// or https:// URL";
        if (section.Required("Url", expected) is not { } value) return null;
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https") return url;
        section.Problem("Url", "is not an http(s) URL (value hidden)", expected);
        return null;
    }
}
