using Baktainer.Host.Retention;

namespace Baktainer.Host.Tests.Retention;

/// <summary>A simulated year of generated backups (no containers): each rule and each safety rule.</summary>
public sealed class RetentionPlannerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>One backup every <paramref name="every"/> for a year before <see cref="Now"/>, newest 30 minutes ago.</summary>
    private static List<RetentionCandidate> Year(TimeSpan every, Func<DateTimeOffset, bool>? verified = null)
    {
        var list = new List<RetentionCandidate>();
        for (var t = Now.AddMinutes(-30); t > Now.AddDays(-365); t -= every)
            list.Add(new RetentionCandidate($"b-{t.ToUnixTimeSeconds()}", t, verified?.Invoke(t) ?? false, 1000));
        return list;
    }

    private static RetentionPolicy Keep(params (string Period, int Count)[] keep) => new(0, 0, keep.ToDictionary(k => k.Period, k => k.Count));

    private static List<RetentionCandidate> Kept(IEnumerable<RetentionCandidate> backups, RetentionPolicy policy, TimeZoneInfo? zone = null) =>
        RetentionPlanner.Plan(backups, policy, Now, zone ?? TimeZoneInfo.Utc).Where(d => d.Keep).Select(d => d.Backup).ToList();

    [Test]
    public void Plan_NoRule_KeepsEverything()
    {
        var year = Year(TimeSpan.FromDays(1));
        Assert.That(Kept(year, RetentionPolicy.KeepAll), Has.Count.EqualTo(year.Count));
    }

    [Test]
    public void Plan_Days_KeepsWithinDaysOnly()
    {
        var kept = Kept(Year(TimeSpan.FromHours(6)), new RetentionPolicy(30, 0, new Dictionary<string, int>()));
        Assert.That(kept, Has.Count.EqualTo(120));
        Assert.That(kept.Min(b => b.TimeUtc), Is.GreaterThan(Now.AddDays(-30)));
    }

    [Test]
    public void Plan_Count_KeepsNewestN()
    {
        var year = Year(TimeSpan.FromDays(1));
        var kept = Kept(year, new RetentionPolicy(0, 2, new Dictionary<string, int>()));
        Assert.That(kept, Is.EqualTo(year.Take(2)));
    }

    [Test]
    public void Plan_KeepDaily_NewestOfEachLocalDay()
    {
        var kept = Kept(Year(TimeSpan.FromHours(1)), Keep(("daily", 7)), Berlin);
        Assert.That(kept, Has.Count.EqualTo(7));
        Assert.That(kept[0].TimeUtc, Is.EqualTo(Now.AddMinutes(-30)), "today's newest");
        // Every older one is the last backup before local midnight: 23:30 in Berlin (22:30 UTC in winter).
        Assert.That(kept.Skip(1).Select(b => TimeZoneInfo.ConvertTime(b.TimeUtc, Berlin).ToString("HH:mm")), Is.All.EqualTo("23:30"));
        Assert.That(kept.Select(b => TimeZoneInfo.ConvertTime(b.TimeUtc, Berlin).Date).Distinct().Count(), Is.EqualTo(7));
    }

    [Test]
    public void Plan_KeepDaily_DaysWithoutBackupDoNotCount()
    {
        var sparse = Year(TimeSpan.FromDays(1)).Where((_, i) => i % 3 == 0).ToList(); // every third day
        var kept = Kept(sparse, Keep(("daily", 5)));
        Assert.That(kept, Has.Count.EqualTo(5));
        Assert.That(kept[^1].TimeUtc, Is.EqualTo(Now.AddMinutes(-30).AddDays(-12)), "reaches back over the gaps, as restic does");
    }

    [Test]
    public void Plan_KeepHourly_NewestOfEachHour()
    {
        var kept = Kept(Year(TimeSpan.FromMinutes(20)), Keep(("hourly", 24)));
        Assert.That(kept, Has.Count.EqualTo(24));
        Assert.That(kept.Select(b => b.TimeUtc.ToString("yyyyMMddHH")).Distinct().Count(), Is.EqualTo(24));
    }

    [Test]
    public void Plan_KeepWeekly_IsoWeeks()
    {
        var kept = Kept(Year(TimeSpan.FromDays(1)), Keep(("weekly", 4)));
        Assert.That(kept, Has.Count.EqualTo(4));
        Assert.That(kept.Skip(1).Select(b => b.TimeUtc.DayOfWeek), Is.All.EqualTo(DayOfWeek.Sunday), "the newest of an ISO week is its Sunday");
        Assert.That(RetentionPlanner.Bucket("weekly", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)), Is.EqualTo("2026-W53"));
        Assert.That(RetentionPlanner.Bucket("weekly", new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero)), Is.EqualTo("2027-W01"));
    }

    [Test]
    public void Plan_KeepMonthlyAndYearly_NewestOfEachPeriod()
    {
        var year = Year(TimeSpan.FromDays(1));
        var monthly = Kept(year, Keep(("monthly", 12)));
        Assert.That(monthly, Has.Count.EqualTo(12));
        Assert.That(monthly.Skip(1).Select(b => b.TimeUtc.AddDays(1).Day), Is.All.EqualTo(1), "last day of each month");
        var yearly = Kept(year, Keep(("yearly", 5)));
        Assert.That(yearly.Select(b => b.TimeUtc.Year), Is.EqualTo(new[] { 2027, 2026 }));
    }

    [Test]
    public void Plan_Gfs_RulesAreOred()
    {
        var year = Year(TimeSpan.FromHours(1));
        var policy = Keep(("last", 3), ("daily", 7), ("weekly", 4), ("monthly", 12));
        var decisions = RetentionPlanner.Plan(year, policy, Now, TimeZoneInfo.Utc);
        var kept = decisions.Where(d => d.Keep).ToList();
        var union = new[] { Keep(("last", 3)), Keep(("daily", 7)), Keep(("weekly", 4)), Keep(("monthly", 12)) }
            .SelectMany(p => Kept(year, p)).Distinct().Count();
        Assert.That(kept, Has.Count.EqualTo(union));
        Assert.That(kept[0].Reasons, Does.Contain("keep_last 3").And.Contain("daily 2027-01-10").And.Contain("weekly 2027-W01"));
        Assert.That(decisions.Where(d => !d.Keep).Select(d => d.Reasons.Single()), Is.All.EqualTo("no rule keeps it"));
    }

    [Test]
    public void Plan_NewestBackup_AlwaysKeptEvenWhenTooOld()
    {
        var old = Year(TimeSpan.FromDays(1)).Where(b => b.TimeUtc < Now.AddDays(-60)).ToList();
        var decisions = RetentionPlanner.Plan(old, new RetentionPolicy(7, 0, new Dictionary<string, int>()), Now, TimeZoneInfo.Utc);
        Assert.That(decisions.Where(d => d.Keep).Select(d => d.Backup), Is.EqualTo(new[] { old[0] }));
        Assert.That(decisions[0].Reasons, Does.Contain("newest backup (always kept)"));
        Assert.That(decisions[0].Protected);
    }

    [Test]
    public void Plan_NewestVerified_AlwaysKept()
    {
        var year = Year(TimeSpan.FromDays(1), verified: t => t < Now.AddDays(-100));
        var decisions = RetentionPlanner.Plan(year, new RetentionPolicy(0, 1, new Dictionary<string, int>()), Now, TimeZoneInfo.Utc);
        var kept = decisions.Where(d => d.Keep).ToList();
        Assert.That(kept, Has.Count.EqualTo(2));
        Assert.That(kept[1].Backup.Verified && kept[1].Protected);
        Assert.That(kept[1].Reasons, Does.Contain("newest verified backup (always kept)"));
    }
}
