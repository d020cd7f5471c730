using System.Buffers;
using System.Buffers.Binary;

namespace Baktainer.Discovery.Docker.Client;

/// <summary>
/// Splits Docker's multiplexed exec stream (8-byte header: stream type, 3 zero bytes, big-endian
/// payload length) into stdout and stderr, copying with one fixed buffer: memory stays flat
/// whatever the output size.
/// </summary>
internal static class StreamDemultiplexer
{
    private const int BufferSize = 128 * 1024;
    private const int RuntimeErrorMaxBytes = 4096;
    private static readonly byte[] RuntimeErrorPrefix = "OCI runtime exec failed"u8.ToArray();

    /// <returns>The bytes written to <paramref name="stdout"/>.</returns>
    /// <exception cref="DockerException">The stream ended in the middle of a frame.</exception>
    public static async Task<long> CopyAsync(Stream source, Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        var header = new byte[8];
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long total = 0;
        var first = true;
        try
        {
            while (true)
            {
                var read = await source.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read == 0) return total;
                if (read < header.Length) throw Broken();
                var target = header[0] == 2 ? stderr : stdout;
                var remaining = (long)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
                if (first && remaining <= RuntimeErrorMaxBytes)
                {
                    // The daemon reports "OCI runtime exec failed" (program missing) as the first
                    // stdout frame; it is an error message, never output.
                    if (await source.ReadAtLeastAsync(buffer.AsMemory(0, (int)remaining), (int)remaining, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < remaining)
                        throw Broken();
                    var isRuntimeError = buffer.AsSpan(0, (int)remaining).StartsWith(RuntimeErrorPrefix);
                    target = isRuntimeError ? stderr : target;
                    await target.WriteAsync(buffer.AsMemory(0, (int)remaining), cancellationToken).ConfigureAwait(false);
                    if (target == stdout) total += remaining;
                    remaining = 0;
                }
                first = false;
                while (remaining > 0)
                {
                    var chunk = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(remaining, buffer.Length)), cancellationToken).ConfigureAwait(false);
                    if (chunk == 0) throw Broken();
                    await target.WriteAsync(buffer.AsMemory(0, chunk), cancellationToken).ConfigureAwait(false);
                    remaining -= chunk;
                    if (target == stdout) total += chunk;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static DockerException Broken() =>
        new("the Docker exec output stream ended in the middle of a frame (container stopped or daemon restarted?)") { IsTransient = true };
}
