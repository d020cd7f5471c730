using Baktainer.Abstractions;
using Baktainer.Abstractions.Compression;
using Baktainer.Host.Configuration;
using Baktainer.Host.Targets;

namespace Baktainer.Host.Compression;

/// <summary>A codec and the level a backup is written with.</summary>
internal sealed record CompressionChoice(ICompressionCodec Codec, int Level)
{
    /// <summary>
    /// The choice for one target: <c>baktainer.compress=false</c> (or <c>BT_COMPRESS=false</c>) means none;
    /// otherwise <c>baktainer.compression</c>, else <c>Compression</c>, at <c>CompressionLevel</c> or the codec's default.
    /// </summary>
    /// <exception cref="BaktainerException">The codec is not loaded or the level is not one it accepts.</exception>
    public static CompressionChoice For(DiscoveredTarget target, BaktainerSettings settings, CompressionCodecs codecs)
    {
        var labels = target.Target.Settings;
        var compress = labels.Compress ?? (labels.Compression is not null || settings.Compress);
        var name = compress ? labels.Compression ?? settings.Compression : "none";
        var codec = codecs.Find(name) ?? throw new BaktainerException(
            $"{target.Target.DisplayName}: compression '{name}' ({(labels.Compression is null ? "Compression / BT_COMPRESSION" : "label 'baktainer.compression'")}) is not provided by any loaded plugin; loaded codecs: {codecs.Names}");
        if (settings.CompressionLevel is not { } wanted) return new(codec, codec.Levels.Default);
        var level = codec.Levels.Resolve(wanted) ?? throw new BaktainerException(
            $"{target.Target.DisplayName}: CompressionLevel \"{wanted}\" is not a level of {codec.Name}; expected {codec.Levels.Describe()}");
        return new(codec, level);
    }

    public override string ToString() => Codec.Name == "none" ? "none" : $"{Codec.Name} level {Level}";
}
