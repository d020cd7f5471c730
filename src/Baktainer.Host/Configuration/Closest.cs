namespace Baktainer.Host.Configuration;

/// <summary>"did you mean": the closest of a set of names to a misspelt one (edit distance).</summary>
internal static class Closest
{
    /// <returns>The candidate within two edits (or starting with the word, for words of 3 or more letters), or null.</returns>
    public static string? Find(string word, IEnumerable<string> candidates)
    {
        var best = candidates.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (Name: c, Distance: Distance(word.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Name is null) return null;
        return best.Distance <= Math.Max(2, word.Length / 4) || word.Length >= 3 && best.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase)
            ? best.Name
            : null;
    }

    /// <summary>The Levenshtein distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
