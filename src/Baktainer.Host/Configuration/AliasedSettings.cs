using Baktainer.Abstractions.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Baktainer.Host.Configuration;

/// <summary>
/// An entry the host builds from settings of another name (the original tool's BT_SLACK_WEBHOOK_URL
/// becomes a slack entry's <c>Url</c>): the plugin's errors name the variable and key the user set.
/// </summary>
internal sealed class AliasedSettings(IReadOnlyDictionary<string, string> aliases, LoadedConfiguration loaded) : IConfiguration, ISettingsOrigin
{
    private readonly IConfiguration _values = new ConfigurationBuilder()
        .AddInMemoryCollection(aliases.Select(a => KeyValuePair.Create(a.Key, loaded.Tracked[a.Value]))).Build();

    public string? this[string key]
    {
        get => _values[key];
        set => _values[key] = value;
    }

    public IConfigurationSection GetSection(string key) => _values.GetSection(key);

    public IEnumerable<IConfigurationSection> GetChildren() => _values.GetChildren();

    public IChangeToken GetReloadToken() => _values.GetReloadToken();

    public string Describe(string path) => loaded.Describe(aliases.TryGetValue(path, out var key) ? key : path);
}
