using System.Text;

namespace Baktainer.Engines.MySql;

/// <summary>
/// Counts the rows a mysqldump/mariadb-dump script holds per table while it streams: each
/// <c>CREATE TABLE `t`</c> line starts a table at zero, and each top-level parenthesised tuple of an
/// <c>INSERT INTO `t` VALUES (...),(...);</c> statement is one row, whether the statement is on one
/// line (mysqldump) or one tuple per line (mariadb-dump 10.11). Quotes and backslash escapes are
/// followed, so parentheses and semicolons inside strings do not count; the dumps escape newlines
/// inside strings.
/// </summary>
internal sealed class InsertRowCounter
{
    private const int HeadLimit = 512;
    private static readonly byte[] Insert = "INSERT INTO `"u8.ToArray();
    private static readonly byte[] Create = "CREATE TABLE `"u8.ToArray();
    private static readonly byte[] Values = " VALUES"u8.ToArray();

    private readonly List<byte> _head = new(HeadLimit);
    private string? _table;
    private bool _inValues;
    private int _depth;
    private byte _quote;
    private bool _escaped;

    public Dictionary<string, long> Counts { get; } = new();

    /// <summary>Feeds dump bytes, in any chunking.</summary>
    public void Feed(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            if (_inValues) Tuple(b);
            else if (b == '\n' && _table is not null && EndsWith(Values)) _inValues = true;
            else if (b == '\n') EndStatement();
            else
            {
                if (_table is not null && b == ' ' && EndsWith(Values)) _inValues = true;
                if (_head.Count < HeadLimit) _head.Add(b);
                if (_table is null && b == '`' && _head.Count > Insert.Length && StartsWith(Insert)) _table = NameAfter(Insert.Length);
            }
        }
    }

    private void Tuple(byte b)
    {
        if (_quote != 0)
        {
            if (_escaped) _escaped = false;
            else if (b == '\\') _escaped = true;
            else if (b == _quote) _quote = 0;
            return;
        }
        if (b is (byte)'\'' or (byte)'"') _quote = b;
        else if (b == '(' && _depth++ == 0) Counts[_table!] = Counts.GetValueOrDefault(_table!) + 1;
        else if (b == ')') _depth--;
        else if (b == ';' && _depth == 0) EndStatement();
    }

    private void EndStatement()
    {
        if (!_inValues && StartsWith(Create)) Counts.TryAdd(NameAfter(Create.Length), 0);
        _head.Clear();
        _table = null;
        _inValues = false;
        _depth = 0;
        _quote = 0;
        _escaped = false;
    }

    private string NameAfter(int start) =>
        Encoding.UTF8.GetString(_head.Skip(start).TakeWhile(c => c != '`').ToArray());

    private bool StartsWith(byte[] prefix) => _head.Count >= prefix.Length && _head.Take(prefix.Length).SequenceEqual(prefix);

    private bool EndsWith(byte[] suffix) => _head.Count >= suffix.Length && _head.Skip(_head.Count - suffix.Length).SequenceEqual(suffix);
}
