using System.Text;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Compression;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Compression;
using Baktainer.Host.Plugins;
using NSubstitute;

namespace Baktainer.Host.Tests.Compression;

public sealed class CompressionCodecsTests
{
    private static CompressionCodecs Codecs(params ICompressionCodec[] plugins) => new(plugins, new PluginCatalog([]));

    private static BackupManifest Manifest(string compression, string? plugin = null) => new()
    {
        Id = "db-1", Target = "db", Engine = "postgres", Key = "2026-01-01/db-1.sql.zst", Sha256 = "00", Compression = compression,
        CompressionPlugin = plugin, PluginVersions = new Dictionary<string, string> { ["Compression.Zstd"] = "1.2.0" },
    };

    [Test]
    public void Find_BuiltIns_GzipAndNone()
    {
        var codecs = Codecs();
        Assert.That(codecs.Find("GZIP")?.FileExtension, Is.EqualTo(".gz"));
        Assert.That(codecs.Find("none")?.FileExtension, Is.EqualTo(""));
        Assert.That(codecs.Find("zstd"), Is.Null);
    }

    [Test]
    public void Constructor_PluginNamesBuiltIn_BuiltInKept()
    {
        var impostor = Substitute.For<ICompressionCodec>();
        impostor.Name.Returns("gzip");
        Assert.That(Codecs(impostor).Find("gzip"), Is.TypeOf<GzipCodec>());
    }

    [Test]
    public void Detect_GzipMagic_Gzip()
    {
        var codecs = Codecs();
        Assert.That(codecs.Detect([0x1F, 0x8B, 0x08, 0x00]).Name, Is.EqualTo("gzip"));
        Assert.That(codecs.Detect(Encoding.ASCII.GetBytes("-- PostgreSQL")).Name, Is.EqualTo("none"));
        Assert.That(codecs.Detect([]).Name, Is.EqualTo("none"));
    }

    [Test]
    public void Detect_PluginMagic_LongestMatchWins()
    {
        var zstd = Substitute.For<ICompressionCodec>();
        zstd.Name.Returns("zstd");
        zstd.MagicBytes.Returns(new byte[] { 0x28, 0xB5, 0x2F, 0xFD });
        var codecs = Codecs(zstd);
        Assert.That(codecs.Detect([0x28, 0xB5, 0x2F, 0xFD, 0x04]).Name, Is.EqualTo("zstd"));
        Assert.That(codecs.MagicLength, Is.EqualTo(4));
    }

    [Test]
    public void ForManifest_CodecPluginMissing_ErrorNamesPluginAndVersion()
    {
        var e = Assert.Throws<BaktainerException>(() => Codecs().ForManifest(Manifest("zstd", "Compression.Zstd"), "local:2026-01-01/db-1.sql.zst"));
        Assert.That(e!.Message, Does.Contain("local:2026-01-01/db-1.sql.zst").And.Contain("'zstd'").And.Contain("plugin 'Compression.Zstd' (1.2.0)")
            .And.Contain("not loaded").And.Contain("gzip, none"));
    }

    [Test]
    public void ForManifest_UnknownCodecWithoutPlugin_ErrorListsLoadedCodecs()
    {
        var e = Assert.Throws<BaktainerException>(() => Codecs().ForManifest(Manifest("lz4"), "local:x"));
        Assert.That(e!.Message, Does.Contain("'lz4'").And.Contain("no loaded plugin provides that codec").And.Contain("gzip, none"));
    }

    [Test]
    public void PluginOf_BuiltIn_Null() => Assert.That(Codecs().PluginOf(new GzipCodec()), Is.Null);
}
