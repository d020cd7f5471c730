using Baktainer.Abstractions.Streams;

namespace Baktainer.Engines.MySql;

/// <summary>A read-only pass-through that shows every byte read to an observer.</summary>
internal sealed class ObservingReadStream(Stream inner, Action<ReadOnlyMemory<byte>> observe) : ReadOnlyStream
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        observe(buffer[..read]);
        return read;
    }
}
