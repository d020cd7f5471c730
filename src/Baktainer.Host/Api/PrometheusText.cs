using System.Globalization;
using System.Text;

namespace Baktainer.Host.Api;

/// <summary>Writes the Prometheus text exposition format (0.0.4): HELP and TYPE once per family, escaped label values.</summary>
internal sealed class PrometheusText
{
    private readonly StringBuilder _text = new();

    public PrometheusText Family(string name, string type, string help, IEnumerable<(IReadOnlyList<(string Name, string Value)> Labels, double Value)> samples)
    {
        var list = samples.ToList();
        _text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\").Replace("\n", "\\n")).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach (var (labels, value) in list)
        {
            _text.Append(name);
            if (labels.Count > 0)
                _text.Append('{').AppendJoin(',', labels.Select(l => $"{l.Name}=\"{Escape(l.Value)}\"")).Append('}');
            _text.Append(' ').Append(Format(value)).Append('\n');
        }
        return this;
    }

    public PrometheusText Single(string name, string type, string help, double value) => Family(name, type, help, [([], value)]);

    public override string ToString() => _text.ToString();

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    private static string Format(double value) => double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);
}
