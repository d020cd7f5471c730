using System.Globalization;
using Baktainer.Abstractions.Labels;

namespace Baktainer.Abstractions.Configuration;

/// <summary>The typed getters: each returns null (or the fallback) when the key is unset or invalid.</summary>
public sealed partial class SettingsSection
{
    /// <summary>Tries to parse a value; returns false when it is not valid.</summary>
    public delegate bool TryParse<T>(string value, out T result);

    /// <summary>The trimmed value, or null when unset or blank.</summary>
    public string? Text(string key) => _configuration[key] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>The value; an error (and null) when unset.</summary>
    public string? Required(string key, string expected)
    {
        var value = Text(key);
        if (value is null) Problem(key, "is missing", expected);
        return value;
    }

    /// <summary>A secret value (never echoed in errors).</summary>
    public Secret? Secret(string key) => Text(key) is { } v ? new Secret(v) : null;

    /// <summary><c>true</c>/<c>false</c> (also yes/no, on/off, 1/0).</summary>
    public bool? Boolean(string key) => Parse<bool>(key, LabelValues.TryBoolean, "true or false");

    /// <inheritdoc cref="Boolean(string)"/>
    public bool Boolean(string key, bool fallback) => Boolean(key) ?? fallback;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? Integer(string key, int min, int max) =>
        Parse(key, (string v, out int n) => { var ok = LabelValues.TryInteger(v, min, max, out var l); n = (int)l; return ok; }, $"a whole number from {min} to {max}");

    /// <inheritdoc cref="Integer(string, int, int)"/>
    public int Integer(string key, int fallback, int min, int max) => Integer(key, min, max) ?? fallback;

    /// <summary>A number (decimals allowed) from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public double? Number(string key, double min, double max) =>
        Parse(key, (string v, out double n) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out n) && n >= min && n <= max,
            $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>A duration greater than zero: <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>, <c>1h30m</c>, seconds, or <c>hh:mm:ss</c>.</summary>
    public TimeSpan? Duration(string key) => Parse<TimeSpan>(key, LabelValues.TryDuration, "a duration such as 90s, 30m, 2h or 01:30:00");

    /// <inheritdoc cref="Duration(string)"/>
    public TimeSpan Duration(string key, TimeSpan fallback) => Duration(key) ?? fallback;

    /// <summary>One of <paramref name="allowed"/> (any case); returns the allowed spelling.</summary>
    public string? Choice(string key, params string[] allowed)
    {
        if (Text(key) is not { } value) return null;
        var match = allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase));
        if (match is null) Invalid(key, value, "one of " + string.Join(", ", allowed));
        return match;
    }

    /// <summary>An absolute path, normalised.</summary>
    public string? AbsolutePath(string key) =>
        ParseObject(key, (string v, out string p) => { p = Path.IsPathFullyQualified(v) ? Path.GetFullPath(v) : ""; return p.Length > 0; }, "an absolute path");

    /// <summary>An absolute <c>http://</c> or <c>https://</c> URL.</summary>
    public Uri? HttpUrl(string key, string example = "https://example.com/path") =>
        ParseObject(key, (string v, out Uri u) => Uri.TryCreate(v, UriKind.Absolute, out u!) && u.Scheme is "http" or "https", $"an http:// or https:// URL such as {example}");

    /// <summary>A value <paramref name="parse"/> accepts; otherwise an error naming the key, the value and <paramref name="expected"/>.</summary>
    /// <returns>The value, or null when unset or invalid.</returns>
    public T? Parse<T>(string key, TryParse<T> parse, string expected) where T : struct
    {
        if (Text(key) is not { } value) return null;
        if (parse(value, out var result)) return result;
        Invalid(key, value, expected);
        return null;
    }

    /// <inheritdoc cref="Parse{T}"/>
    public T? ParseObject<T>(string key, TryParse<T> parse, string expected) where T : class
    {
        if (Text(key) is not { } value) return null;
        if (parse(value, out var result)) return result;
        Invalid(key, value, expected);
        return null;
    }
}
