using System.Buffers.Binary;
using Baktainer.Discovery.Docker.Client;

namespace Discovery.Docker.Tests.Client;

/// <summary>Docker's multiplexed exec stream, framed by hand: no daemon needed.</summary>
public sealed class StreamDemultiplexerTests
{
    private static byte[] Frame(byte stream, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = stream;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    private static byte[] Text(string s) => System.Text.Encoding.UTF8.GetBytes(s);

    [Test]
    public async Task CopyAsync_InterleavedFrames_SplitInOrderCountingStdoutOnly()
    {
        var big = new byte[300_000];
        new Random(7).NextBytes(big);
        var source = new MemoryStream([.. Frame(1, Text("out1 ")), .. Frame(2, Text("err1 ")), .. Frame(1, big), .. Frame(2, Text("err2"))]);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();

        var total = await StreamDemultiplexer.CopyAsync(source, stdout, stderr, CancellationToken.None);

        Assert.That(stdout.ToArray(), Is.EqualTo(Text("out1 ").Concat(big).ToArray()));
        Assert.That(System.Text.Encoding.UTF8.GetString(stderr.ToArray()), Is.EqualTo("err1 err2"));
        Assert.That(total, Is.EqualTo(5 + big.Length));
    }

    [Test]
    public async Task CopyAsync_RuntimeErrorAsFirstStdoutFrame_GoesToStderr()
    {
        var source = new MemoryStream(Frame(1, Text("OCI runtime exec failed: exec: \"pg_dump\": executable file not found in $PATH")));
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();

        var total = await StreamDemultiplexer.CopyAsync(source, stdout, stderr, CancellationToken.None);

        Assert.That(stdout.Length, Is.Zero, "an error message is never dump output");
        Assert.That(System.Text.Encoding.UTF8.GetString(stderr.ToArray()), Does.StartWith("OCI runtime exec failed"));
        Assert.That(total, Is.Zero);
    }

    [TestCase(3, TestName = "CopyAsync_StreamEndsInHeader_DockerException")]
    [TestCase(8 + 5, TestName = "CopyAsync_StreamEndsInFirstSmallFrame_DockerException")]
    [TestCase(8 + 200_000, TestName = "CopyAsync_StreamEndsInLargeFrame_DockerException")]
    public void CopyAsync_Truncated(int keep)
    {
        var whole = Frame(1, new byte[300_000]);
        var small = Frame(1, Text("0123456789"));
        var bytes = keep == 8 + 5 ? small[..keep] : whole[..keep];

        Assert.That(async () => await StreamDemultiplexer.CopyAsync(new MemoryStream(bytes), Stream.Null, Stream.Null, CancellationToken.None),
            Throws.InstanceOf<DockerException>(), "a cut-off exec stream is an error, never a shorter dump");
    }

    [Test]
    public async Task CopyAsync_EmptyStream_NothingWritten()
    {
        Assert.That(await StreamDemultiplexer.CopyAsync(new MemoryStream(), Stream.Null, Stream.Null, CancellationToken.None), Is.Zero);
    }
}
