using System.Runtime.InteropServices;

namespace Baktainer.Compression.Zstd.Native;

/// <summary>A <c>ZSTD_CCtx*</c> or <c>ZSTD_DCtx*</c>, freed with its own free function when released.</summary>
internal sealed unsafe class ZstdHandle : SafeHandle
{
    private readonly delegate* unmanaged<nint, nuint> _free;

    /// <param name="context">What the create function returned.</param>
    /// <param name="free"><c>ZSTD_freeCCtx</c> or <c>ZSTD_freeDCtx</c>.</param>
    /// <param name="creator">The create function's name, for the error when it returned NULL.</param>
    public ZstdHandle(nint context, delegate* unmanaged<nint, nuint> free, string creator) : base(0, ownsHandle: true)
    {
        _free = free;
        SetHandle(context);
        if (IsInvalid) throw new OutOfMemoryException($"{creator} returned NULL");
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _free(handle);
        return true;
    }
}
