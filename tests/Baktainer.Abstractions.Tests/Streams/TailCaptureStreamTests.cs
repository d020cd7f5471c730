using System.Text;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Abstractions.Tests.Streams;

public sealed class TailCaptureStreamTests
{
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(100)]
    [TestCase(5000)]
    public async Task Write_AnyChunking_KeepsLastBytesAndPassesAllThrough(int chunk)
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 3000).Select(i => (i % 10).ToString())));
        var inner = new MemoryStream();
        var tail = new TailCaptureStream(inner, tailBytes: 64, headBytes: 100);
        for (var i = 0; i < data.Length; i += chunk)
            await tail.WriteAsync(data.AsMemory(i, Math.Min(chunk, data.Length - i)));

        Assert.That(inner.ToArray(), Is.EqualTo(data));
        Assert.That(tail.BytesWritten, Is.EqualTo(data.Length));
        Assert.That(tail.Tail(), Is.EqualTo(data[^64..]));
        Assert.That(tail.Head().ToArray(), Is.EqualTo(data[..100]));
    }

    [Test]
    public void Tail_ShortOutput_ReturnsAll()
    {
        var tail = new TailCaptureStream(Stream.Null, 64);
        tail.Write("abc"u8);
        Assert.That(tail.TailText(), Is.EqualTo("abc"));
        Assert.That(tail.Head().Length, Is.EqualTo(0), "no head kept unless asked");
    }
}
