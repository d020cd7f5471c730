namespace Baktainer.Host.Scheduling;

/// <summary>
/// When one target runs next: the earliest of its cron expressions. After a run (or when runs were
/// missed while busy or down) it moves past "now", so missed slots never pile up into a burst.
/// </summary>
internal sealed class TargetSchedule(IReadOnlyList<CronSchedule> schedules, TimeZoneInfo zone, DateTimeOffset startUtc)
{
    private DateTimeOffset _after = startUtc;

    public IReadOnlyList<CronSchedule> Schedules => schedules;

    public DateTimeOffset NextUtc => schedules.Min(s => s.NextAfter(_after, zone));

    public bool IsDue(DateTimeOffset nowUtc) => NextUtc <= nowUtc;

    /// <summary>Marks the due run as taken; the next one is the first after <paramref name="nowUtc"/>.</summary>
    public void Advance(DateTimeOffset nowUtc) => _after = nowUtc > NextUtc ? nowUtc : NextUtc;

    /// <summary>
    /// Whether a run was missed while Baktainer was not running: a scheduled time passed between
    /// the last backup and now.
    /// </summary>
    public bool MissedSince(DateTimeOffset lastBackupUtc, DateTimeOffset nowUtc) =>
        schedules.Any(s => s.NextAfter(lastBackupUtc, zone) <= nowUtc);
}
