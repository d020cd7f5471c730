using System.Runtime.InteropServices;

namespace Baktainer.Compression.Zstd.Native;

/// <summary>A <c>ZSTD_CCtx*</c>, freed with <c>ZSTD_freeCCtx</c>.</summary>
internal sealed unsafe class ZstdCompressionHandle : SafeHandle
{
    private readonly ZstdApi _api;

    public ZstdCompressionHandle(ZstdApi api) : base(0, ownsHandle: true)
    {
        _api = api;
        SetHandle(api.CreateCCtx());
        if (IsInvalid) throw new OutOfMemoryException("ZSTD_createCCtx returned NULL");
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _api.FreeCCtx(handle);
        return true;
    }
}

/// <summary>A <c>ZSTD_DCtx*</c>, freed with <c>ZSTD_freeDCtx</c>.</summary>
internal sealed unsafe class ZstdDecompressionHandle : SafeHandle
{
    private readonly ZstdApi _api;

    public ZstdDecompressionHandle(ZstdApi api) : base(0, ownsHandle: true)
    {
        _api = api;
        SetHandle(api.CreateDCtx());
        if (IsInvalid) throw new OutOfMemoryException("ZSTD_createDCtx returned NULL");
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _api.FreeDCtx(handle);
        return true;
    }
}
