using System.Globalization;
using System.Text.RegularExpressions;

namespace Baktainer.Abstractions.Labels;

/// <summary>Parsers for label value types; each returns false on bad input, never throws.</summary>
public static partial class LabelValues
{
    /// <summary>Parses true/false, yes/no, on/off, 1/0 (any case).</summary>
    public static bool TryBoolean(string value, out bool result)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on" or "1": result = true; return true;
            case "false" or "no" or "off" or "0": result = false; return true;
            default: result = false; return false;
        }
    }

    /// <summary>Parses a whole number within [min, max].</summary>
    public static bool TryInteger(string value, long min, long max, out long result) =>
        long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result)
        && result >= min && result <= max;

    /// <summary>Whether <paramref name="value"/> is a safe name (see <see cref="LabelType.Name"/>).</summary>
    public static bool IsName(string value) => NameRegex().IsMatch(value) && value != "." && value != "..";

    /// <summary>Whether <paramref name="value"/> is an absolute, normalised path without shell characters.</summary>
    public static bool IsPath(string value) =>
        PathRegex().IsMatch(value) && !value.Split('/').Any(s => s is ".." or ".");

    /// <summary>Whether <paramref name="value"/> is an environment variable name.</summary>
    public static bool IsEnvironmentVariable(string value) => EnvRegex().IsMatch(value);

    /// <summary>Whether <paramref name="value"/> is a host name, an IP address or a socket directory.</summary>
    public static bool IsHost(string value) => value.StartsWith('/') ? IsPath(value) : HostRegex().IsMatch(value);

    /// <summary>
    /// Parses <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>, combinations such as <c>1h30m</c>,
    /// a number of seconds, or <c>hh:mm:ss</c>. Must be greater than zero.
    /// </summary>
    public static bool TryDuration(string value, out TimeSpan result)
    {
        result = TimeSpan.Zero;
        var text = value.Trim().ToLowerInvariant();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            result = TimeSpan.FromSeconds(seconds);
        else if (text.Contains(':'))
            TimeSpan.TryParseExact(text, [@"h\:mm\:ss", @"hh\:mm\:ss", @"h\:mm", @"hh\:mm"], CultureInfo.InvariantCulture, out result);
        else
        {
            var match = DurationRegex().Match(text);
            if (!match.Success) return false;
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var amount = long.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
                result += part.Value[^1] switch
                {
                    'd' => TimeSpan.FromDays(amount),
                    'h' => TimeSpan.FromHours(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    _ => TimeSpan.FromSeconds(amount),
                };
            }
        }
        return result > TimeSpan.Zero;
    }

    /// <summary>
    /// Checks the shape of one cron expression: 5 fields (or 6 with seconds) of digits and
    /// <c>* , - /</c> or month/day names. Full parsing happens in the scheduler.
    /// </summary>
    public static bool IsCronShape(string expression, out int fields)
    {
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        fields = parts.Length;
        return fields is 5 or 6 && parts.All(p => CronFieldRegex().IsMatch(p));
    }

    /// <summary>Splits a list on <paramref name="separator"/>, trimming and dropping empty items.</summary>
    public static IReadOnlyList<string> SplitList(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^[A-Za-z0-9_@+][A-Za-z0-9._@+-]{0,127}$")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"^/[A-Za-z0-9._@+/ -]*$")]
    private static partial Regex PathRegex();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvRegex();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9.:-]{0,252}[A-Za-z0-9])?$|^\[[0-9A-Fa-f:]+\]$")]
    private static partial Regex HostRegex();

    [GeneratedRegex(@"^(?<part>\d+[dhms])+$")]
    private static partial Regex DurationRegex();

    [GeneratedRegex(@"^[0-9A-Za-z*?,/#LW-]+$")]
    private static partial Regex CronFieldRegex();
}
