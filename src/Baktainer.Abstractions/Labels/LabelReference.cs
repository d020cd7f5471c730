using System.Text;

namespace Baktainer.Abstractions.Labels;

/// <summary>Renders the label reference (<c>baktainer labels</c>, README) from <see cref="LabelSchema"/>.</summary>
public static class LabelReference
{
    /// <summary>A plain-text reference: one block per label with type, default, valid values and help.</summary>
    public static string ToText()
    {
        var text = new StringBuilder();
        foreach (var d in LabelSchema.Definitions)
        {
            text.AppendLine(d.Key + (d.IsLegacy ? "" : "  (new)") + (d.IsSecret ? "  (secret)" : ""));
            text.AppendLine("    " + d.Help);
            text.AppendLine("    valid: " + d.Expected);
            if (d.Default is not null) text.AppendLine("    default: " + d.Default);
        }
        return text.ToString();
    }

    /// <summary>A Markdown table of every label.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder("| Label | Valid values | Default | Meaning |\n|---|---|---|---|\n");
        foreach (var d in LabelSchema.Definitions)
            text.AppendLine($"| `{d.Key}` | {d.Expected} | {d.Default ?? ""} | {d.Help} |");
        return text.ToString();
    }
}
