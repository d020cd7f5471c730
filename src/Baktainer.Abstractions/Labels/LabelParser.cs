namespace Baktainer.Abstractions.Labels;

/// <summary>Parses one label dictionary; see <see cref="LabelCatalog.Parse"/>.</summary>
internal sealed class LabelParser(LabelCatalog catalog, IReadOnlyDictionary<string, string> labels)
{
    private readonly List<LabelIssue> _issues = [];

    public LabelParseResult Parse()
    {
        var enabled = Boolean(LabelSchema.Backup) ?? false;
        var legacyCompress = Boolean(LabelSchema.Compress);
        var compress = Boolean(LabelSchema.BackupCompress);
        if (legacyCompress is { } a && compress is { } b && a != b)
            Warn(LabelSchema.Compress, $"labels '{LabelSchema.Compress}' and '{LabelSchema.BackupCompress}' disagree; '{LabelSchema.BackupCompress}={b.ToString().ToLowerInvariant()}' is used");

        var settings = new TargetSettings
        {
            Backup = enabled,
            Engine = EngineName(enabled),
            Database = DatabaseName(),
            User = Text(LabelSchema.User),
            Password = Text(LabelSchema.Password) is { } p ? new Secret(p) : null,
            PasswordFile = Text(LabelSchema.PasswordFile),
            PasswordEnv = Text(LabelSchema.PasswordEnv),
            Host = Text(LabelSchema.Host),
            Port = (int?)Integer(LabelSchema.Port),
            Name = Text(LabelSchema.Name),
            AllDatabases = Boolean(LabelSchema.All) ?? false,
            Compress = compress ?? legacyCompress,
            Compression = Text(LabelSchema.Compression)?.ToLowerInvariant(),
            Encrypt = Boolean(LabelSchema.Encrypt),
            RetentionDays = (int?)Integer(LabelSchema.RetentionDays),
            RetentionCount = (int?)Integer(LabelSchema.RetentionCount),
            RetentionKeep = LabelSchema.RetentionPeriods
                .Select(p => (p, n: Integer(LabelSchema.RetentionKeepPrefix + p)))
                .Where(x => x.n is not null).ToDictionary(x => x.p, x => (int)x.n!.Value),
            Priority = Enum.Parse<BackupPriority>(Choice(LabelSchema.Priority) ?? "normal", ignoreCase: true),
            Schedules = Schedules(),
            DependsOn = Names(LabelSchema.DependsOn),
            Storage = Names(LabelSchema.Storage),
            Notify = Names(LabelSchema.Notify),
            Timeout = Duration(LabelSchema.Timeout),
            Verify = Choice(LabelSchema.Verify),
        };
        CheckCredentialSources(settings);
        CheckPluginLabels();
        WarnUnknownLabels();
        return new LabelParseResult(settings, _issues);
    }

    /// <summary>The engine, normalised to the name of the loaded strategy that answers to it.</summary>
    private string? EngineName(bool enabled)
    {
        if (Read(LabelSchema.Engine) is not { } value)
        {
            if (enabled && !labels.ContainsKey(LabelSchema.Engine))
                Error(LabelSchema.Engine, $"label '{LabelSchema.Engine}' is required when '{LabelSchema.Backup}=true'; expected {catalog.Find(LabelSchema.Engine)!.Expected}");
            return null;
        }
        if (catalog.ResolveEngine(value) is { } engine) return engine;
        var loaded = catalog.EngineNames.Count == 0 ? "none" : string.Join(", ", catalog.EngineNames);
        Error(LabelSchema.Engine, $"label '{LabelSchema.Engine}' has unknown engine \"{value.Trim()}\"; loaded engines: {loaded}; is a plugin missing? see 'baktainer plugins list'");
        return null;
    }

    /// <summary>Trimmed; what a valid name or path is, the engine's strategy decides (<see cref="DatabaseLabelRules"/>).</summary>
    private string? DatabaseName() => Read(LabelSchema.Database)?.Trim();

    /// <summary>Plugin-declared labels: each value checked against its declared type.</summary>
    private void CheckPluginLabels()
    {
        foreach (var key in catalog.PluginDefinitions.Select(d => d.Key).Where(labels.ContainsKey))
        {
            switch (catalog.Find(key)!.Type)
            {
                case LabelType.Boolean: Boolean(key); break;
                case LabelType.Integer: Integer(key); break;
                case LabelType.Duration: Duration(key); break;
                case LabelType.Choice: Choice(key); break;
                case LabelType.NameList: Names(key); break;
                case LabelType.CronList or LabelType.Engine: Read(key); break;
                default: Text(key); break;
            }
        }
    }

    private void CheckCredentialSources(TargetSettings s)
    {
        var sources = new[] { (LabelSchema.Password, s.Password is not null), (LabelSchema.PasswordFile, s.PasswordFile is not null), (LabelSchema.PasswordEnv, s.PasswordEnv is not null) }
            .Where(x => x.Item2).Select(x => x.Item1).ToList();
        if (sources.Count > 1)
            Error(sources[1], $"labels {string.Join(", ", sources.Select(x => $"'{x}'"))} each give a password; set only one of them");
    }

    private void WarnUnknownLabels()
    {
        foreach (var key in labels.Keys.Where(k => k.StartsWith(LabelSchema.Prefix, StringComparison.Ordinal) && catalog.Find(k) is null).Order(StringComparer.Ordinal))
        {
            var suggestion = catalog.Definitions.MinBy(d => EditDistance(d.Key, key))!.Key;
            Warn(key, $"label '{key}' is not a Baktainer label and is ignored; did you mean '{suggestion}'? ('baktainer labels' lists them all)");
        }
    }

    private bool? Boolean(string key) =>
        Read(key) is { } v ? LabelValues.TryBoolean(v, out var b) ? b : InvalidStruct<bool>(key, v) : null;

    private long? Integer(string key)
    {
        if (Read(key) is not { } v) return null;
        var def = catalog.Find(key)!;
        return LabelValues.TryInteger(v, def.Min, def.Max, out var n) ? n : InvalidStruct<long>(key, v);
    }

    private TimeSpan? Duration(string key) =>
        Read(key) is { } v ? LabelValues.TryDuration(v, out var d) ? d : InvalidStruct<TimeSpan>(key, v) : null;

    private string? Choice(string key)
    {
        if (Read(key) is not { } v) return null;
        var match = catalog.Find(key)!.Allowed!.FirstOrDefault(a => a.Equals(v.Trim(), StringComparison.OrdinalIgnoreCase));
        return match ?? Invalid(key, v);
    }

    private string? Text(string key)
    {
        if (Read(key) is not { } v) return null;
        var def = catalog.Find(key)!;
        var trimmed = def.Type == LabelType.Text ? v : v.Trim();
        var valid = def.Type switch
        {
            LabelType.Name => LabelValues.IsName(trimmed),
            LabelType.Path => LabelValues.IsPath(trimmed),
            LabelType.EnvironmentVariable => LabelValues.IsEnvironmentVariable(trimmed),
            LabelType.Host => LabelValues.IsHost(trimmed),
            _ => true,
        };
        return valid ? trimmed : Invalid(key, v);
    }

    private IReadOnlyList<string> Names(string key)
    {
        if (Read(key) is not { } v) return [];
        var names = LabelValues.SplitList(v, ',');
        var bad = names.Where(n => !LabelValues.IsName(n)).ToList();
        if (bad.Count == 0 && names.Count > 0) return names;
        Invalid(key, v);
        return [];
    }

    private IReadOnlyList<string> Schedules()
    {
        if (Read(LabelSchema.Schedule) is not { } v) return [];
        var expressions = LabelValues.SplitList(v, ';');
        foreach (var expression in expressions)
        {
            if (!LabelValues.IsCronShape(expression, out var fields))
                Error(LabelSchema.Schedule, $"label '{LabelSchema.Schedule}' has an invalid cron expression \"{expression}\" ({fields} fields); expected {catalog.Find(LabelSchema.Schedule)!.Expected}");
        }
        return expressions.Count > 0 ? expressions : InvalidList(v);
    }

    private IReadOnlyList<string> InvalidList(string v)
    {
        Invalid(LabelSchema.Schedule, v);
        return [];
    }

    private string? Read(string key)
    {
        if (!labels.TryGetValue(key, out var value)) return null;
        if (!string.IsNullOrWhiteSpace(value)) return value;
        Invalid(key, value);
        return null;
    }

    private T? InvalidStruct<T>(string key, string value) where T : struct
    {
        Invalid(key, value);
        return null;
    }

    private string? Invalid(string key, string value, string? expected = null)
    {
        var def = catalog.Find(key)!;
        var shown = def.IsSecret ? Secret.Mask : value;
        Error(key, $"label '{key}' has invalid value \"{shown}\"; expected {expected ?? def.Expected}");
        return null;
    }

    private void Error(string key, string message) => _issues.Add(new LabelIssue(LabelSeverity.Error, key, message));

    private void Warn(string key, string message) => _issues.Add(new LabelIssue(LabelSeverity.Warning, key, message));

    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
