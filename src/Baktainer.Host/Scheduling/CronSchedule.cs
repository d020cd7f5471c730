using Baktainer.Abstractions;
using NCrontab;

namespace Baktainer.Host.Scheduling;

/// <summary>
/// One cron expression evaluated on the wall clock of a time zone. Daylight-saving changes are
/// handled so that a day is never skipped and a run never happens twice: a time that does not
/// exist (spring forward) runs when the clock resumes; a time that exists twice (fall back) runs at
/// its first occurrence only.
/// </summary>
internal sealed class CronSchedule
{
    private readonly CrontabSchedule _schedule;

    private CronSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    public string Expression { get; }

    /// <summary>Parses a five-field expression, or a six-field one (seconds first) when allowed.</summary>
    /// <param name="source">The label or setting it came from, for the message.</param>
    /// <exception cref="BaktainerException">Invalid, or six fields without <paramref name="allowSeconds"/>.</exception>
    public static CronSchedule Parse(string expression, bool allowSeconds, string source)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields == 6 && !allowSeconds)
            throw new BaktainerException($"{source}: \"{expression}\" has 6 fields (a seconds field first); a misread seconds field fires every second, so six-field schedules need BT_CRON_SECONDS=true");
        var schedule = fields is 5 or 6
            ? CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 })
            : null;
        return schedule is null
            ? throw new BaktainerException($"{source}: \"{expression}\" is not a valid cron expression; expected 5 fields (minute hour day month weekday), e.g. \"0 3 * * *\"")
            : new CronSchedule(expression, schedule);
    }

    /// <summary>The first run strictly after <paramref name="afterUtc"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset afterUtc, TimeZoneInfo zone)
    {
        var candidate = _schedule.GetNextOccurrence(TimeZoneInfo.ConvertTime(afterUtc, zone).DateTime);
        while (true)
        {
            var utc = ToUtc(candidate, zone);
            if (utc > afterUtc) return utc;
            candidate = _schedule.GetNextOccurrence(candidate);
        }
    }

    private static DateTimeOffset ToUtc(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1); // skipped by spring forward: run when the clock resumes
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local); // the first of a repeated hour
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
