using Baktainer.Storage.S3;

namespace Storage.S3.Tests;

[TestFixture]
public sealed class PartSizerTests
{
    private const int MiB = 1024 * 1024;

    [Test]
    public void SizeOf_Below80GB_AlwaysTheConfiguredSize()
    {
        var sizer = new PartSizer(8 * MiB);
        Assert.That(new[] { 1, 2, 5000, 9000 }.Select(n => sizer.SizeOf(n, (long)(n - 1) * 8 * MiB)), Is.All.EqualTo(8 * MiB));
    }

    [Test]
    public void SizeOf_Above80GB_DoublesEvery25PartsAndTenThousandPartsHoldOver600GB()
    {
        var sizer = new PartSizer(8 * MiB);
        long total = 0;
        var sizes = new List<int>();
        for (var part = 1; part <= PartSizer.MaxParts; part++)
        {
            var size = sizer.SizeOf(part, total);
            sizes.Add(size);
            total += size;
        }
        var firstGrown = sizes.FindIndex(s => s > 8 * MiB) + 1;
        Assert.That((long)(firstGrown - 1) * 8 * MiB, Is.GreaterThanOrEqualTo(PartSizer.GrowthThreshold), "no growth before 80 GB");
        Assert.That(sizes[firstGrown - 1], Is.EqualTo(16 * MiB));
        Assert.That(sizes[firstGrown + 24], Is.EqualTo(32 * MiB));
        Assert.That(total, Is.GreaterThan(600_000_000_000L));
        TestContext.Out.WriteLine($"largest object at 8 MiB parts: {total / 1e9:0} GB");
    }
}
