using System.Buffers;
using Baktainer.Abstractions.Streams;
using Baktainer.Compression.Zstd.Native;

namespace Baktainer.Compression.Zstd;

/// <summary>
/// Read-only: the decompressed content of the zstd frames read from the source, with
/// <c>ZSTD_decompressStream</c>. One context and one input buffer per stream, reused for every read.
/// Damaged data, and data that ends inside a frame, fail with <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class ZstdDecompressStream(ZstdApi api, Stream source, bool leaveOpen) : ReadOnlyStream
{
    private readonly ZstdHandle _context = api.NewDecompressionContext();
    private readonly byte[] _input = ArrayPool<byte>.Shared.Rent(api.DecompressInSize);
    private int _inputStart;
    private int _inputEnd;
    private bool _sourceEnded;
    private bool _outputWasFull;
    // Input was consumed since the last complete frame (ZSTD_decompressStream returns 0 when it completes one).
    private bool _insideFrame;
    private bool _sawCompleteFrame;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            if (_inputStart == _inputEnd && !_sourceEnded && !_outputWasFull)
            {
                _inputStart = 0;
                _inputEnd = await source.ReadAsync(_input.AsMemory(0, _input.Length), cancellationToken).ConfigureAwait(false);
                _sourceEnded = _inputEnd == 0;
            }
            var produced = Step(buffer.Span);
            if (produced > 0) return produced;
            if (_sourceEnded && _inputStart == _inputEnd && !_outputWasFull)
                return _insideFrame || !_sawCompleteFrame ? throw new InvalidDataException("zstd data ends inside a frame: the file is truncated") : 0;
        }
    }

    private unsafe int Step(Span<byte> output)
    {
        fixed (byte* inData = _input)
        fixed (byte* outData = output)
        {
            var source = new ZstdApi.ConstBuffer { Data = inData + _inputStart, Size = (nuint)(_inputEnd - _inputStart) };
            var target = new ZstdApi.Buffer { Data = outData, Size = (nuint)output.Length };
            var hint = api.Check(api.DecompressStream(_context.DangerousGetHandle(), &target, &source), "decompression");
            _inputStart += (int)source.Position;
            if (hint == 0) (_insideFrame, _sawCompleteFrame) = (false, true);
            else if (source.Position > 0) _insideFrame = true;
            _outputWasFull = target.Position == target.Size;
            return (int)target.Position;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_context.IsClosed)
        {
            _context.Dispose();
            ArrayPool<byte>.Shared.Return(_input);
            if (!leaveOpen) source.Dispose();
        }
        base.Dispose(disposing);
    }
}
