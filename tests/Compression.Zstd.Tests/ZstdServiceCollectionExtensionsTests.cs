using Baktainer.Abstractions;
using Baktainer.Abstractions.Compression;
using Baktainer.Compression.Zstd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compression.Zstd.Tests;

public sealed class ZstdServiceCollectionExtensionsTests
{
    private static IConfiguration Section(params (string, string)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Plugins:Compression.Zstd:" + v.Item1, v.Item2))).Build()
            .GetSection("Plugins:Compression.Zstd"); // as the host hands it to the plugin

    [Test]
    public void AddZstdCompression_Defaults_RegistersZstdCodec()
    {
        using var provider = new ServiceCollection().AddZstdCompression(Section()).BuildServiceProvider();
        var codec = provider.GetServices<ICompressionCodec>().Single();
        Assert.That((codec.Name, codec.FileExtension, codec.Levels.Default), Is.EqualTo(("zstd", ".zst", 1)));
    }

    [TestCase("-1")] [TestCase("many")] [TestCase("65")]
    public void AddZstdCompression_BadWorkers_ErrorNamesSetting(string workers)
    {
        var e = Assert.Throws<BaktainerException>(() => new ServiceCollection().AddZstdCompression(Section(("Workers", workers))));
        Assert.That(e!.Message, Does.Contain($"Plugins:Compression.Zstd:Workers has invalid value \"{workers}\"; expected a whole number from 0 to 64"));
    }
}
