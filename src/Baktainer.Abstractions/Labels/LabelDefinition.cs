namespace Baktainer.Abstractions.Labels;

/// <summary>One <c>baktainer.*</c> label: its type, default, allowed values and help text.</summary>
/// <param name="Key">The full label, e.g. <c>baktainer.db.engine</c>.</param>
/// <param name="Type">The kind of value.</param>
/// <param name="Help">One line for the label reference.</param>
/// <param name="Default">The default, as text; null when there is none.</param>
/// <param name="Allowed">The accepted words for <see cref="LabelType.Choice"/>.</param>
/// <param name="Min">The smallest accepted <see cref="LabelType.Integer"/>.</param>
/// <param name="Max">The largest accepted <see cref="LabelType.Integer"/>.</param>
/// <param name="IsSecret">Whether the value is a credential, masked wherever labels are shown.</param>
/// <param name="IsLegacy">Whether the original tool defined it (kept for compatibility).</param>
public sealed record LabelDefinition(
    string Key,
    LabelType Type,
    string Help,
    string? Default = null,
    IReadOnlyList<string>? Allowed = null,
    long Min = 0,
    long Max = int.MaxValue,
    bool IsSecret = false,
    bool IsLegacy = true)
{
    /// <summary>What a valid value looks like, for error messages and the reference.</summary>
    public string Expected => Type switch
    {
        LabelType.Boolean => "true or false",
        LabelType.Integer => $"a whole number from {Min} to {Max}",
        LabelType.Choice => "one of " + string.Join(", ", Allowed ?? []),
        LabelType.Name => "a name of letters, digits and . _ - @ + (at most 128 characters, not starting with - or .)",
        LabelType.Path => "an absolute path inside the container without '..' or shell characters",
        LabelType.EnvironmentVariable => "an environment variable name (letters, digits, _; not starting with a digit)",
        LabelType.Host => "a host name or an absolute socket directory",
        LabelType.Text => "any text",
        LabelType.CronList => "one or more 5-field cron expressions separated by ';' (e.g. '0 3 * * *;0 * * * *')",
        LabelType.Duration => "a duration such as 90s, 30m, 2h, 1h30m or 01:30:00 (greater than zero)",
        LabelType.NameList => "a comma-separated list of names",
        LabelType.Engine => "the name of an engine provided by a loaded plugin (none is loaded; see 'baktainer plugins list')",
        _ => "a valid value",
    };
}
