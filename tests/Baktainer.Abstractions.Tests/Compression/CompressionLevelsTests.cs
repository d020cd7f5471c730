using Baktainer.Abstractions.Compression;

namespace Baktainer.Abstractions.Tests.Compression;

public sealed class CompressionLevelsTests
{
    private static readonly CompressionLevels Gzip = new(Min: 1, Max: 9, Default: 2, Fastest: 1, Optimal: 6);

    [TestCase("fastest", 1)] [TestCase("Optimal", 6)] [TestCase(" smallest ", 9)] [TestCase("default", 2)] [TestCase("4", 4)] [TestCase("9", 9)]
    public void Resolve_NameOrNumberInRange_Level(string value, int expected) => Assert.That(Gzip.Resolve(value), Is.EqualTo(expected));

    [TestCase("0")] [TestCase("10")] [TestCase("fast")] [TestCase("")] [TestCase("2.5")]
    public void Resolve_Invalid_Null(string value) => Assert.That(Gzip.Resolve(value), Is.Null);

    [Test]
    public void Describe_NamesRangeAndDefault() =>
        Assert.That(Gzip.Describe(), Does.Contain("from 1 to 9").And.Contain("default 2").And.Contain("fastest (1)"));
}
