using System.Text;

namespace Baktainer.Abstractions.Labels;

/// <summary>Renders the label reference (<c>baktainer labels</c>, README) from a <see cref="LabelCatalog"/>.</summary>
public static class LabelReference
{
    /// <summary>A plain-text reference: one block per label with type, default, valid values and help.</summary>
    public static string ToText(LabelCatalog catalog)
    {
        var text = new StringBuilder();
        foreach (var d in catalog.Definitions)
        {
            text.AppendLine(d.Key + Marks(catalog, d));
            text.AppendLine("    " + d.Help);
            text.AppendLine("    valid: " + d.Expected);
            if (d.Default is not null) text.AppendLine("    default: " + d.Default);
        }
        return text.ToString();
    }

    /// <summary>A Markdown table of every label.</summary>
    public static string ToMarkdown(LabelCatalog catalog)
    {
        var text = new StringBuilder("| Label | Valid values | Default | Meaning |\n|---|---|---|---|\n");
        foreach (var d in catalog.Definitions)
            text.AppendLine($"| `{d.Key}`{Marks(catalog, d)} | {d.Expected} | {d.Default ?? ""} | {d.Help} |");
        return text.ToString();
    }

    private static string Marks(LabelCatalog catalog, LabelDefinition d) =>
        (catalog.PluginDefinitions.Contains(d) ? "  (plugin)" : d.IsLegacy ? "" : "  (new)") + (d.IsSecret ? "  (secret)" : "");
}
