using System.Text.Json;
using System.Text.Json.Nodes;
using Baktainer.Abstractions.Labels;
using Baktainer.Compression.Zstd;
using Baktainer.Discovery.Docker;
using Baktainer.Host.Api;
using Baktainer.Host.Compression;
using Baktainer.Host.Configuration;
using Baktainer.Host.Plugins;
using Baktainer.Notifiers;
using Baktainer.Storage;
using Baktainer.Storage.S3;
using Baktainer.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Host.Tests.Support;

/// <summary>
/// Reads a configuration as the host does at start-up (settings, retired variables, every entry built
/// by the bundled plugins' factories in-process, unknown keys) and returns the errors and the effective
/// settings: the /config view and the settings record, without where each value came from.
/// </summary>
internal sealed class SettingsProbe : IDisposable
{
    private static readonly string[] Origins = ["setBy", "file", "key"];
    private readonly TempFolder _folder = new("bt-probe");
    private readonly ServiceProvider _plugins = new ServiceCollection()
        .AddLogging().AddSingleton(TimeProvider.System).AddSingleton(LabelCatalog.Empty).AddSingleton(new PluginCatalog([]))
        .AddLocalStorage().AddS3Storage().AddDockerDiscovery().AddBundledNotifiers().AddZstdCompression().AddSingleton<CompressionCodecs>()
        .BuildServiceProvider();

    public string Folder => _folder.Path;

    public (IReadOnlyList<string> Errors, string Effective, LoadedConfiguration Loaded) Run(IReadOnlyDictionary<string, string> environment, string? json = null)
    {
        string? path = null;
        if (json is not null) File.WriteAllText(path = _folder.Combine($"config-{Guid.NewGuid():N}.json"), json);
        var loaded = ConfigurationSources.Build(path, environment, _folder.Path);
        var reader = new SettingsReader(loaded);
        var settings = reader.Read();
        var errors = ErrorList.WithoutRepeats(reader.Errors.Concat(RetiredVariables.Check(environment)).Concat(ComponentChecks.Check(settings, _plugins)));
        errors.AddRange(UnknownKeys.Check(loaded, ComponentChecks.WithoutPlugin(settings, _plugins)));

        var view = JsonSerializer.SerializeToNode(new ConfigurationView(settings, loaded).Build())!;
        Strip(view);
        var record = JsonSerializer.SerializeToNode(settings with { Storage = [], Notifiers = [], Discovery = [] })!;
        return (errors, view.ToJsonString() + record.ToJsonString(), loaded);
    }

    /// <summary>A JSON file setting <paramref name="key"/> (<c>A:B</c> nests) to <paramref name="value"/>.</summary>
    public static string Json(string key, string value)
    {
        JsonNode node = JsonValue.Create(value);
        foreach (var part in key.Split(':').Reverse()) node = new JsonObject { [part] = node };
        return node.ToJsonString();
    }

    private static void Strip(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var name in Origins) o.Remove(name);
            foreach (var child in o.Select(p => p.Value).OfType<JsonNode>().ToList()) Strip(child);
        }
        else if (node is JsonArray a)
            foreach (var child in a.OfType<JsonNode>()) Strip(child);
    }

    public void Dispose()
    {
        _plugins.Dispose();
        _folder.Dispose();
    }
}
