using Microsoft.Extensions.Configuration;

namespace Baktainer.Abstractions.Configuration;

/// <summary>
/// Reads one configuration section (the host's root, a <c>Storage[i]</c> or <c>Notifiers[i]</c> entry,
/// a <c>Plugins:&lt;id&gt;</c> section) with typed getters. Each bad value adds an error that names the
/// full key (and the variable or file that set it) and what would be valid; errors are collected, not
/// thrown, so every problem is reported at once (<see cref="ThrowIfInvalid"/>). Blank values count as
/// unset. Read every key while the plugin is created: the host reports keys nobody read as unknown.
/// </summary>
public sealed partial class SettingsSection
{
    private readonly IConfiguration _configuration;
    private readonly string _owner;
    private readonly string _path;
    private readonly Func<string, string> _describe;
    private readonly List<string> _errors;

    /// <summary>A reader over <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The section; its <see cref="IConfigurationSection.Path"/> prefixes every key in messages.</param>
    /// <param name="owner">Who the settings belong to, for <see cref="ThrowIfInvalid"/> (e.g. <c>s3 storage 'offsite'</c>).</param>
    public SettingsSection(IConfiguration configuration, string owner = "")
        : this(configuration, owner, (configuration as IConfigurationSection)?.Path ?? "", Origin(configuration), [])
    {
    }

    /// <summary>A reader over the host's root configuration, naming keys with <paramref name="describe"/>.</summary>
    public SettingsSection(IConfiguration configuration, Func<string, string> describe)
        : this(configuration, "", "", describe, [])
    {
    }

    private SettingsSection(IConfiguration configuration, string owner, string path, Func<string, string> describe, List<string> errors)
    {
        _configuration = configuration;
        _owner = owner;
        _path = path;
        _describe = describe;
        _errors = errors;
    }

    /// <summary>Every error so far, of this section and the sections got from it.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The section (for what this reader does not cover, e.g. lists of children).</summary>
    public IConfiguration Configuration => _configuration;

    /// <summary>A reader over the child section <paramref name="key"/>, sharing this reader's errors.</summary>
    public SettingsSection Section(string key) => new(_configuration.GetSection(key), _owner, FullKey(key), _describe, _errors);

    /// <summary>The full key (<c>Storage:0:Bucket</c>) of <paramref name="key"/>.</summary>
    public string FullKey(string key) => _path.Length == 0 ? key : $"{_path}:{key}";

    /// <summary>How messages name <paramref name="key"/>: its full key and, when known, the variable or file that set it.</summary>
    public string Describe(string key) => _describe(FullKey(key));

    /// <summary>Adds an error about <paramref name="key"/>: "<c>&lt;key&gt; &lt;problem&gt;; expected &lt;expected&gt;</c>".</summary>
    public void Problem(string key, string problem, string expected) => _errors.Add($"{Describe(key)} {problem}; expected {expected}");

    /// <summary>Adds an error about a bad value of <paramref name="key"/> (never use for secrets: the value is shown).</summary>
    public void Invalid(string key, string value, string expected) => Problem(key, $"has invalid value \"{value}\"", expected);

    /// <summary>Adds an error that is not about one key's value (e.g. two keys that must go together).</summary>
    public void Error(string message) => _errors.Add(message);

    /// <summary>Throws when any error was found, listing all of them.</summary>
    /// <exception cref="BaktainerException">Any error.</exception>
    public void ThrowIfInvalid()
    {
        if (_errors.Count == 0) return;
        var text = string.Join("; ", _errors);
        throw new BaktainerException(_owner.Length == 0 ? text : $"{_owner}: {text}");
    }

    private static Func<string, string> Origin(IConfiguration configuration) =>
        configuration is ISettingsOrigin origin ? origin.Describe : key => key;
}
