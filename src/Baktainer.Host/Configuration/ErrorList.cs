namespace Baktainer.Host.Configuration;

/// <summary>
/// The configuration errors as reported: a global key that both the host and a plugin check (the
/// default storage's BT_MIN_FREE_SPACE_GB) gives the same sentence twice, the plugin's joined with
/// its other errors by "; ". Each sentence is listed once.
/// </summary>
internal static class ErrorList
{
    public static List<string> WithoutRepeats(IEnumerable<string> errors)
    {
        var result = new List<string>();
        foreach (var error in errors)
        {
            var text = error;
            foreach (var earlier in result)
                text = text.Replace("; " + earlier, "", StringComparison.Ordinal).Replace(earlier + "; ", "", StringComparison.Ordinal);
            if (!result.Contains(text, StringComparer.Ordinal)) result.Add(text);
        }
        return result;
    }
}
