using Baktainer.Abstractions;
using Baktainer.Abstractions.Compression;
using Baktainer.Abstractions.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Compression.Zstd;

/// <summary>Registers the zstd codec.</summary>
public static class ZstdServiceCollectionExtensions
{
    /// <summary>Adds the <c>zstd</c> codec (<c>BT_COMPRESSION=zstd</c>, label <c>baktainer.compression=zstd</c>).</summary>
    public static IServiceCollection AddZstdCompression(this IServiceCollection services, ZstdOptions? options = null) =>
        services.AddSingleton<ICompressionCodec>(new ZstdCodec(options ?? new ZstdOptions()));

    /// <summary>Adds the codec with its settings read from <paramref name="configuration"/> (<c>Library</c>, <c>Workers</c>).</summary>
    /// <exception cref="BaktainerException">A setting is invalid; the message names it.</exception>
    public static IServiceCollection AddZstdCompression(this IServiceCollection services, IConfiguration configuration)
    {
        var defaults = new ZstdOptions();
        var s = new SettingsSection(configuration, "plugin Compression.Zstd");
        var options = new ZstdOptions { Library = s.Text("Library") ?? defaults.Library, Workers = s.Integer("Workers", defaults.Workers, 0, 64) };
        s.ThrowIfInvalid();
        return services.AddZstdCompression(options);
    }
}
