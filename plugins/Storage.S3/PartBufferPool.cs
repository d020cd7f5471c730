namespace Baktainer.Storage.S3;

/// <summary>
/// The part buffers of one upload: a returned buffer is reused for the next part of the same size,
/// so an upload allocates (parts in flight + 1) buffers, not one per part.
/// </summary>
internal sealed class PartBufferPool
{
    private readonly Lock _lock = new();
    private readonly Stack<byte[]> _free = new();

    public byte[] Rent(int size)
    {
        lock (_lock)
        {
            while (_free.TryPop(out var buffer))
                if (buffer.Length == size) return buffer; // smaller ones (before a size step) are dropped
        }
        return GC.AllocateUninitializedArray<byte>(size);
    }

    public void Return(byte[] buffer)
    {
        lock (_lock) _free.Push(buffer);
    }
}
