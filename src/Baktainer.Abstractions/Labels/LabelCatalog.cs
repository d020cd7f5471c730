using Baktainer.Abstractions.Engines;

namespace Baktainer.Abstractions.Labels;

/// <summary>
/// The labels of one run: the built-in <see cref="LabelSchema.Definitions"/>, with
/// <c>baktainer.db.engine</c> accepting exactly the engines of the loaded strategies (names and
/// aliases), plus the labels plugins declare. The host registers one as a singleton; discovery
/// providers take it as a dependency and <see cref="Parse"/> labels with it. Thread-safe.
/// </summary>
public sealed class LabelCatalog
{
    private readonly Dictionary<string, string> _engines = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LabelDefinition> _byKey = new(StringComparer.Ordinal);

    /// <summary>Builds the catalog from the loaded engines and the plugin-declared labels.</summary>
    /// <param name="strategies">Every loaded engine.</param>
    /// <param name="pluginLabels">Labels declared by plugins (see <c>AddBaktainerLabels</c>); a key the
    /// schema already defines, or one outside <c>baktainer.*</c>, is ignored.</param>
    public LabelCatalog(IEnumerable<IBackupStrategy> strategies, IEnumerable<LabelDefinition> pluginLabels)
    {
        var engines = strategies.ToList();
        foreach (var strategy in engines)
            foreach (var name in strategy.Aliases.Prepend(strategy.Engine))
                _engines.TryAdd(name, strategy.Engine);
        EngineNames = engines.Select(s => s.Aliases.Count == 0 ? s.Engine : $"{s.Engine} ({string.Join(", ", s.Aliases)})").Distinct().ToList();

        foreach (var definition in LabelSchema.Definitions)
            _byKey[definition.Key] = definition.Key == LabelSchema.Engine && _engines.Count > 0
                ? definition with { Type = LabelType.Choice, Allowed = _engines.Keys.ToList() }
                : definition;
        var builtIn = _byKey.Count;
        foreach (var definition in pluginLabels.Where(d => d.Key.StartsWith(LabelSchema.Prefix, StringComparison.Ordinal)))
            _byKey.TryAdd(definition.Key, definition with { IsLegacy = false });
        Definitions = [.. _byKey.Values];
        PluginDefinitions = Definitions.Skip(builtIn).ToList();
    }

    /// <summary>A catalog with no engines and no plugin labels.</summary>
    public static LabelCatalog Empty { get; } = new([], []);

    /// <summary>Every label: built-in first, then the plugins' ones.</summary>
    public IReadOnlyList<LabelDefinition> Definitions { get; }

    /// <summary>The labels plugins declared.</summary>
    public IReadOnlyList<LabelDefinition> PluginDefinitions { get; }

    /// <summary>The loaded engines for messages, e.g. <c>postgres (postgresql)</c>.</summary>
    public IReadOnlyList<string> EngineNames { get; }

    /// <summary>The definition of <paramref name="key"/>, or null when no one defines it.</summary>
    public LabelDefinition? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The engine name a loaded strategy answers to for <paramref name="nameOrAlias"/>; null when none does.</summary>
    public string? ResolveEngine(string nameOrAlias) => _engines.GetValueOrDefault(nameOrAlias.Trim());

    /// <summary>
    /// Parses <paramref name="labels"/> (all labels of a container; non-<c>baktainer.*</c> ones are
    /// ignored) into settings, with an error for every invalid value and a warning for every
    /// unknown <c>baktainer.*</c> label. Never throws.
    /// </summary>
    public LabelParseResult Parse(IReadOnlyDictionary<string, string> labels) => new LabelParser(this, labels).Parse();
}
