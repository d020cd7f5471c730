namespace Baktainer.Storage.S3;

/// <summary>
/// Part sizes for a multipart upload of unknown length. Every part has the configured size until
/// 80 GB are uploaded; from then on the size doubles every 25 parts (up to 2 GiB, the largest
/// buffer .NET allocates), so S3's 10 000 parts hold about 700 GB at 8 MiB parts (raise
/// <c>PartSizeMiB</c> for larger dumps), while dumps below 80 GB never need more memory than the
/// configured size.
/// </summary>
internal sealed class PartSizer(int basePartSize)
{
    public const int MaxParts = 10_000;
    public const long GrowthThreshold = 80_000_000_000;
    private const long MaxPartSize = 5L * 1024 * 1024 * 1024;
    private const int GrowthStep = 25;

    private int _growthStartsAt;

    public int BasePartSize => basePartSize;

    /// <summary>The size of part <paramref name="partNumber"/> (1-based), given the bytes in the parts before it.</summary>
    public int SizeOf(int partNumber, long uploadedBefore)
    {
        if (uploadedBefore < GrowthThreshold) return basePartSize;
        if (_growthStartsAt == 0) _growthStartsAt = partNumber;
        var doublings = (partNumber - _growthStartsAt) / GrowthStep + 1;
        var size = (long)basePartSize << Math.Min(doublings, 30);
        return (int)Math.Min(Math.Min(size, MaxPartSize), Array.MaxLength);
    }
}
