using System.Text;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Engines.Postgres;

/// <summary>
/// Reads a pg_dumpall script, leaving out the one line <c>CREATE ROLE &lt;user&gt;;</c> for the role
/// the restore connects as: that role necessarily exists, and with ON_ERROR_STOP its "already
/// exists" error would abort the whole restore. Everything else passes through unchanged.
/// </summary>
internal sealed class RoleLineFilterStream(Stream inner, string role) : ReadOnlyStream
{
    private readonly byte[] _skip = Encoding.UTF8.GetBytes($"CREATE ROLE {role};\n");
    private readonly byte[] _buffer = new byte[128 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _atLineStart = true;

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_end - _start < _skip.Length && !_eof) await FillAsync(cancellationToken).ConfigureAwait(false);
            if (_start == _end) return 0;
            var available = _buffer.AsSpan(_start, _end - _start);
            if (_atLineStart && available.StartsWith(_skip))
            {
                _start += _skip.Length;
                continue;
            }
            var newline = available.IndexOf((byte)'\n');
            var take = Math.Min(destination.Length, newline < 0 ? available.Length : newline + 1);
            available[..take].CopyTo(destination.Span);
            _atLineStart = available[take - 1] == '\n';
            _start += take;
            return take;
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        while (_end < _skip.Length && !_eof)
        {
            var read = await inner.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0) _eof = true;
            _end += read;
        }
    }
}
