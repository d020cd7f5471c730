using Baktainer.Abstractions;
using Baktainer.Abstractions.Compression;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Plugins;

namespace Baktainer.Host.Compression;

/// <summary>
/// The codecs of this run: gzip and none built in, then those the plugins registered (a plugin
/// codec cannot replace a built-in one). Finds a codec by name for writing and by a manifest or
/// magic bytes for reading, and knows which plugin provides each.
/// </summary>
internal sealed class CompressionCodecs
{
    private readonly List<ICompressionCodec> _codecs = [new GzipCodec(), new NoneCodec()];
    private readonly PluginCatalog _plugins;

    public CompressionCodecs(IEnumerable<ICompressionCodec> pluginCodecs, PluginCatalog plugins)
    {
        _plugins = plugins;
        foreach (var codec in pluginCodecs)
            if (Find(codec.Name) is null) _codecs.Add(codec);
    }

    public IReadOnlyList<ICompressionCodec> All => _codecs;

    public string Names => string.Join(", ", _codecs.Select(c => c.Name));

    public ICompressionCodec? Find(string name) => _codecs.FirstOrDefault(c => c.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The id of the plugin that provides <paramref name="codec"/>; null when it is built in.</summary>
    public string? PluginOf(ICompressionCodec codec) => codec.GetType().Assembly == typeof(CompressionCodecs).Assembly ? null : _plugins.PluginOf(codec.GetType().Assembly);

    /// <summary>The codec a backup was written with.</summary>
    /// <exception cref="BaktainerException">No loaded plugin provides it; the message names the plugin that does.</exception>
    public ICompressionCodec ForManifest(BackupManifest manifest, string describe)
    {
        if (Find(manifest.Compression) is { } codec) return codec;
        var plugin = manifest.CompressionPlugin;
        var provider = plugin is null
            ? "no loaded plugin provides that codec"
            : $"plugin '{plugin}'{(manifest.PluginVersions.TryGetValue(plugin, out var v) ? $" ({v})" : "")} provides it but is not loaded; install it into the plugin folder (BT_PLUGIN_DIR, 'baktainer plugins install')";
        throw new BaktainerException($"{describe} is compressed with '{manifest.Compression}': {provider}. Loaded codecs: {Names}");
    }

    /// <summary>The longest magic-byte match for the start of a stored file; none when no codec's magic matches.</summary>
    public ICompressionCodec Detect(ReadOnlySpan<byte> head)
    {
        ICompressionCodec? best = null;
        foreach (var codec in _codecs)
            if (!codec.MagicBytes.IsEmpty && head.StartsWith(codec.MagicBytes.Span) && codec.MagicBytes.Length > (best?.MagicBytes.Length ?? 0))
                best = codec;
        return best ?? Find("none")!;
    }

    /// <summary>The most bytes <see cref="Detect"/> looks at.</summary>
    public int MagicLength => _codecs.Max(c => c.MagicBytes.Length);
}
