namespace Baktainer.Host.Configuration;

/// <summary>
/// Records which configuration keys the host and the plugins read (and which sections they
/// looked into), so that a key present in the configuration but read by nobody is reported as
/// unknown, with the closest key that is read at the same place.
/// </summary>
internal sealed class KeyTracker
{
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _visited = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>A key's value was read (whether or not it was set).</summary>
    public void Read(string path)
    {
        lock (_lock)
        {
            _read.Add(path);
            VisitParents(path);
        }
    }

    /// <summary>A section was looked into: it and its parents are known places.</summary>
    public void Visit(string path)
    {
        lock (_lock)
        {
            _visited.Add(path);
            VisitParents(path);
        }
    }

    /// <summary>Every key read so far (for tests and the documentation check).</summary>
    public IReadOnlyCollection<string> ReadKeys
    {
        get { lock (_lock) return _read.ToList(); }
    }

    /// <summary>
    /// The unknown keys among <paramref name="present"/> (full paths of set values): for each value
    /// nobody read, the outermost part of its path that nobody read or looked into.
    /// </summary>
    public IReadOnlyList<UnknownKey> Unknown(IEnumerable<string> present)
    {
        lock (_lock)
        {
            var unknown = new List<UnknownKey>();
            foreach (var path in present.Where(p => !_read.Contains(p)))
            {
                var segments = path.Split(':');
                for (var i = 1; i <= segments.Length; i++)
                {
                    var prefix = string.Join(':', segments[..i]);
                    if (_read.Contains(prefix) && i < segments.Length) continue;
                    if (_visited.Contains(prefix)) continue;
                    if (unknown.All(u => !u.Path.Equals(prefix, StringComparison.OrdinalIgnoreCase)))
                        unknown.Add(new UnknownKey(prefix, Suggest(string.Join(':', segments[..(i - 1)]), segments[i - 1])));
                    break;
                }
            }
            return unknown;
        }
    }

    private string? Suggest(string parent, string key)
    {
        var siblings = _read.Concat(_visited)
            .Where(p => parent.Length == 0 ? !p.Contains(':') : p.StartsWith(parent + ":", StringComparison.OrdinalIgnoreCase) && !p[(parent.Length + 1)..].Contains(':'))
            .Select(p => parent.Length == 0 ? p : p[(parent.Length + 1)..])
            .Where(s => !int.TryParse(s, out _));
        return Closest.Find(key, siblings);
    }

    private void VisitParents(string path)
    {
        for (var i = path.LastIndexOf(':'); i > 0; i = path.LastIndexOf(':', i - 1))
            if (!_visited.Add(path[..i])) break;
    }
}

/// <summary>A configuration key nobody reads.</summary>
/// <param name="Path">Its full path, e.g. <c>Treads</c> or <c>Storage:0:Bukcet</c>.</param>
/// <param name="Suggestion">The closest key read at the same place (without the parent path), or null.</param>
internal sealed record UnknownKey(string Path, string? Suggestion);
