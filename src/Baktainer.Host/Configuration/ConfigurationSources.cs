using Microsoft.Extensions.Configuration;

namespace Baktainer.Host.Configuration;

/// <summary>
/// Builds the configuration: the JSON file, then <c>Baktainer__*</c> environment variables, then
/// the original tool's <c>BT_*</c> variables (each layer overrides the one before).
/// </summary>
internal static class ConfigurationSources
{
    public const string DefaultFileName = "baktainer.json";
    public const string EnvironmentPrefix = "Baktainer__";

    /// <summary>Builds the layers and records which key each environment variable set.</summary>
    /// <param name="configPath">The <c>--config</c> file, or null for <c>baktainer.json</c> when present.</param>
    /// <param name="environment">The process environment.</param>
    /// <param name="workingDirectory">Where the default file is looked for.</param>
    /// <exception cref="ConfigurationException">The file is missing or not valid JSON.</exception>
    public static LoadedConfiguration Build(string? configPath, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var builder = new ConfigurationBuilder();
        var file = ResolveFile(configPath, workingDirectory);
        if (file is not null) AddJsonFile(builder, file);

        var origins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in environment.Where(e => e.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            var key = name[EnvironmentPrefix.Length..].Replace("__", ":");
            overrides[key] = value;
            origins[key] = name;
        }
        builder.AddInMemoryCollection(overrides);

        var legacy = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        // A container's TZ sets the schedule time zone too, unless BT_TIMEZONE does; TZ values that
        // are not zone ids (":/etc/localtime") are the C library's business and ignored here.
        if (environment.TryGetValue("TZ", out var tz) && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
        {
            legacy["Timezone"] = tz;
            origins["Timezone"] = "TZ";
        }
        foreach (var (variable, key) in LegacyVariables.Map)
        {
            if (!environment.TryGetValue(variable, out var value)) continue;
            legacy[key] = value;
            origins[key] = variable;
        }
        builder.AddInMemoryCollection(legacy);

        return new LoadedConfiguration(builder.Build(), file, origins);
    }

    private static string? ResolveFile(string? configPath, string workingDirectory)
    {
        if (configPath is null)
        {
            var fallback = Path.Combine(workingDirectory, DefaultFileName);
            return File.Exists(fallback) ? fallback : null;
        }
        var full = Path.GetFullPath(configPath, workingDirectory);
        if (!File.Exists(full))
            throw new ConfigurationException($"configuration file '{full}' (--config) does not exist");
        return full;
    }

    private static void AddJsonFile(ConfigurationBuilder builder, string file)
    {
        try
        {
            // Read once here so a syntax error is reported with the file name, not at first use.
            using var stream = File.OpenRead(file);
            using var document = System.Text.Json.JsonDocument.Parse(stream, new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
                throw new ConfigurationException($"configuration file '{file}' must hold a JSON object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ConfigurationException($"configuration file '{file}' is not valid JSON: {e.Message}");
        }
        catch (IOException e)
        {
            throw new ConfigurationException($"configuration file '{file}' cannot be read: {e.Message}");
        }
        builder.AddJsonFile(file, optional: false, reloadOnChange: false);
    }
}

/// <summary>The built configuration and where each overridden key came from.</summary>
/// <param name="Root">The merged configuration.</param>
/// <param name="File">The JSON file read, if any.</param>
/// <param name="Origins">Key → the environment variable that set it.</param>
internal sealed record LoadedConfiguration(IConfigurationRoot Root, string? File, IReadOnlyDictionary<string, string> Origins)
{
    private TrackedConfiguration? _tracked;

    /// <summary>Which keys the host and the plugins read.</summary>
    public KeyTracker Keys { get; } = new();

    /// <summary>The configuration to read settings from: reads are recorded in <see cref="Keys"/>.</summary>
    public IConfiguration Tracked => _tracked ??= new TrackedConfiguration(Root, Keys, Describe);

    /// <summary>How to name a key in a message: the variable that set it, and the key.</summary>
    public string Describe(string key) =>
        Origins.TryGetValue(key, out var origin) ? $"{origin} ({key})" : File is null ? key : $"{key} (in {Path.GetFileName(File)})";
}
