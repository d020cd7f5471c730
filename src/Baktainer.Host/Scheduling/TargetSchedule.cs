namespace Baktainer.Host.Scheduling;

/// <summary>
/// When one target runs next: the earliest of its cron expressions. After a run (or when runs were
/// missed while busy or down) it moves past "now", so missed slots never pile up into a burst.
/// </summary>
internal sealed class TargetSchedule
{
    private readonly IReadOnlyList<CronSchedule> _schedules;
    private readonly TimeZoneInfo _zone;

    public TargetSchedule(IReadOnlyList<CronSchedule> schedules, TimeZoneInfo zone, DateTimeOffset startUtc)
    {
        _schedules = schedules;
        _zone = zone;
        NextUtc = FirstAfter(startUtc);
    }

    public IReadOnlyList<CronSchedule> Schedules => _schedules;

    /// <summary>The next run; it changes only when <see cref="Advance"/> takes a run.</summary>
    public DateTimeOffset NextUtc { get; private set; }

    public bool IsDue(DateTimeOffset nowUtc) => NextUtc <= nowUtc;

    /// <summary>Marks the due run as taken; the next one is the first after <paramref name="nowUtc"/>.</summary>
    public void Advance(DateTimeOffset nowUtc) => NextUtc = FirstAfter(nowUtc > NextUtc ? nowUtc : NextUtc);

    /// <summary>
    /// Whether a run was missed while Baktainer was not running: a scheduled time passed between
    /// the last backup and now.
    /// </summary>
    public bool MissedSince(DateTimeOffset lastBackupUtc, DateTimeOffset nowUtc) => FirstAfter(lastBackupUtc) <= nowUtc;

    private DateTimeOffset FirstAfter(DateTimeOffset afterUtc) => _schedules.Min(s => s.NextAfter(afterUtc, _zone));
}
