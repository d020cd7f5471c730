using System.Runtime.InteropServices;
using Baktainer.Abstractions;

namespace Baktainer.Compression.Zstd.Native;

/// <summary>
/// The part of libzstd's streaming API the codec uses, bound at run time from the system's
/// library (Debian's <c>libzstd1</c>: <c>libzstd.so.1</c>) as unmanaged function pointers, so a
/// missing library is a clear error when the codec is first used instead of a crash.
/// Names and semantics: zstd.h of libzstd 1.5 (<c>ZSTD_compressStream2</c>, <c>ZSTD_decompressStream</c>).
/// </summary>
internal sealed unsafe class ZstdApi
{
    /// <summary><c>ZSTD_c_compressionLevel</c>.</summary>
    public const int CompressionLevelParameter = 100;
    /// <summary><c>ZSTD_c_checksumFlag</c>: end each frame with a checksum of its content, checked when it is decompressed.</summary>
    public const int ChecksumParameter = 201;
    /// <summary><c>ZSTD_c_nbWorkers</c>: worker threads inside libzstd (0 = compress on the caller's thread).</summary>
    public const int WorkersParameter = 400;
    /// <summary><c>ZSTD_c_jobSize</c>: bytes of input per worker job (libzstd's minimum is 512 KiB).</summary>
    public const int JobSizeParameter = 401;
    /// <summary><c>ZSTD_e_continue</c>.</summary>
    public const int Continue = 0;
    /// <summary><c>ZSTD_e_end</c>: finish the frame.</summary>
    public const int End = 2;

    public readonly delegate* unmanaged<nint> CreateCCtx;
    public readonly delegate* unmanaged<nint, nuint> FreeCCtx;
    public readonly delegate* unmanaged<nint, int, int, nuint> CCtxSetParameter;
    public readonly delegate* unmanaged<nint, Buffer*, ConstBuffer*, int, nuint> CompressStream2;
    public readonly delegate* unmanaged<nint> CreateDCtx;
    public readonly delegate* unmanaged<nint, nuint> FreeDCtx;
    public readonly delegate* unmanaged<nint, Buffer*, ConstBuffer*, nuint> DecompressStream;
    private readonly delegate* unmanaged<nuint, uint> _isError;
    private readonly delegate* unmanaged<nuint, byte*> _getErrorName;
    private readonly delegate* unmanaged<nuint> _cStreamOutSize;
    private readonly delegate* unmanaged<nuint> _dStreamInSize;

    private ZstdApi(nint library)
    {
        CreateCCtx = (delegate* unmanaged<nint>)Export(library, "ZSTD_createCCtx");
        FreeCCtx = (delegate* unmanaged<nint, nuint>)Export(library, "ZSTD_freeCCtx");
        CCtxSetParameter = (delegate* unmanaged<nint, int, int, nuint>)Export(library, "ZSTD_CCtx_setParameter");
        CompressStream2 = (delegate* unmanaged<nint, Buffer*, ConstBuffer*, int, nuint>)Export(library, "ZSTD_compressStream2");
        CreateDCtx = (delegate* unmanaged<nint>)Export(library, "ZSTD_createDCtx");
        FreeDCtx = (delegate* unmanaged<nint, nuint>)Export(library, "ZSTD_freeDCtx");
        DecompressStream = (delegate* unmanaged<nint, Buffer*, ConstBuffer*, nuint>)Export(library, "ZSTD_decompressStream");
        _isError = (delegate* unmanaged<nuint, uint>)Export(library, "ZSTD_isError");
        _getErrorName = (delegate* unmanaged<nuint, byte*>)Export(library, "ZSTD_getErrorName");
        _cStreamOutSize = (delegate* unmanaged<nuint>)Export(library, "ZSTD_CStreamOutSize");
        _dStreamInSize = (delegate* unmanaged<nuint>)Export(library, "ZSTD_DStreamInSize");
    }

    /// <summary>A new compression context.</summary>
    public ZstdHandle NewCompressionContext() => new(CreateCCtx(), FreeCCtx, "ZSTD_createCCtx");

    /// <summary>A new decompression context.</summary>
    public ZstdHandle NewDecompressionContext() => new(CreateDCtx(), FreeDCtx, "ZSTD_createDCtx");

    /// <summary>The output buffer size libzstd recommends for compression (one block plus framing).</summary>
    public int CompressOutSize => (int)_cStreamOutSize();

    /// <summary>The input buffer size libzstd recommends for decompression.</summary>
    public int DecompressInSize => (int)_dStreamInSize();

    /// <summary>Loads the library and its functions.</summary>
    /// <exception cref="BaktainerException">The library or one of its functions is missing; the message says what to install.</exception>
    public static ZstdApi Load(string library)
    {
        if (!NativeLibrary.TryLoad(library, out var handle))
            throw new BaktainerException($"zstd compression needs the system's libzstd, but '{library}' could not be loaded; " +
                                         "install it (Debian/Ubuntu: apt-get install libzstd1; Alpine: apk add zstd-libs) or set Plugins:Compression.Zstd:Library to its path");
        return new ZstdApi(handle);
    }

    /// <summary>Throws when <paramref name="code"/> is a libzstd error code.</summary>
    /// <exception cref="InvalidDataException">It is; the message holds libzstd's error name.</exception>
    public nuint Check(nuint code, string operation)
    {
        if (_isError(code) == 0) return code;
        throw new InvalidDataException($"zstd {operation} failed: {Marshal.PtrToStringUTF8((nint)_getErrorName(code))}");
    }

    private static nint Export(nint library, string name) =>
        NativeLibrary.TryGetExport(library, name, out var address)
            ? address
            : throw new BaktainerException($"the loaded libzstd has no function {name}; zstd compression needs libzstd 1.4 or newer");

    /// <summary><c>ZSTD_outBuffer</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Buffer
    {
        public byte* Data;
        public nuint Size;
        public nuint Position;
    }

    /// <summary><c>ZSTD_inBuffer</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ConstBuffer
    {
        public byte* Data;
        public nuint Size;
        public nuint Position;
    }
}
