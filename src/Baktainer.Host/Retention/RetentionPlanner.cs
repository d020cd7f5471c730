using System.Globalization;

namespace Baktainer.Host.Retention;

/// <summary>
/// Decides which of one target's backups to keep. Rules: within <c>Days</c>; the newest
/// <c>Count</c>; and GFS with restic's <c>forget</c> semantics — newest first, per period a bucket
/// (hour, day, ISO week, month, year in the configured time zone) and a counter; a backup is kept
/// when its bucket differs from the previous kept one of that rule and the counter is not used up.
/// Rules are ORed. Safety: the newest backup and the newest verified backup are always kept.
/// </summary>
internal static class RetentionPlanner
{
    public static IReadOnlyList<RetentionDecision> Plan(IEnumerable<RetentionCandidate> backups, RetentionPolicy policy, DateTimeOffset nowUtc, TimeZoneInfo zone)
    {
        var newestFirst = backups.OrderByDescending(b => b.TimeUtc).ThenByDescending(b => b.Key, StringComparer.Ordinal).ToList();
        var reasons = newestFirst.ToDictionary(b => b, _ => new List<string>());
        if (newestFirst.Count == 0) return [];

        if (policy.KeepsEverything)
            foreach (var b in newestFirst) reasons[b].Add("no retention rule");
        if (policy.Days > 0)
            foreach (var b in newestFirst.Where(b => b.TimeUtc > nowUtc.AddDays(-policy.Days))) reasons[b].Add($"within {policy.Days} days");
        if (policy.Count > 0)
            foreach (var b in newestFirst.Take(policy.Count)) reasons[b].Add($"newest {policy.Count}");
        foreach (var (period, count) in policy.Keep.Where(k => k.Value > 0))
        {
            string? lastBucket = null;
            var left = count;
            foreach (var b in newestFirst)
            {
                if (left == 0) break;
                var bucket = Bucket(period, TimeZoneInfo.ConvertTime(b.TimeUtc, zone));
                if (bucket == lastBucket) continue;
                lastBucket = bucket;
                left--;
                reasons[b].Add(period == "last" ? $"keep_last {count}" : $"{period} {bucket}");
            }
        }

        var safety = new HashSet<RetentionCandidate> { newestFirst[0] };
        reasons[newestFirst[0]].Add("newest backup (always kept)");
        if (newestFirst.FirstOrDefault(b => b.Verified) is { } verified)
        {
            safety.Add(verified);
            reasons[verified].Add("newest verified backup (always kept)");
        }
        return newestFirst.Select(b => new RetentionDecision(b, reasons[b].Count > 0, reasons[b].Count > 0 ? reasons[b].Distinct().ToList() : ["no rule keeps it"])
        {
            Protected = safety.Contains(b),
        }).ToList();
    }

    /// <summary>The calendar period a local time falls in, as restic names it.</summary>
    public static string Bucket(string period, DateTimeOffset local) => period switch
    {
        "last" => local.UtcTicks.ToString(CultureInfo.InvariantCulture),
        "hourly" => local.ToString("yyyy-MM-dd HH:00", CultureInfo.InvariantCulture),
        "daily" => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "weekly" => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local.DateTime)}-W{ISOWeek.GetWeekOfYear(local.DateTime):00}"),
        "monthly" => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "yearly" => local.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "unknown retention period"),
    };
}
