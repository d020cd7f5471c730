using Baktainer.Host.Scheduling;

namespace Baktainer.Host.Tests.Scheduling;

public sealed class TargetScheduleTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text + "Z", System.Globalization.CultureInfo.InvariantCulture);
    private static CronSchedule Cron(string e) => CronSchedule.Parse(e, false, "test");

    [Test]
    public void NextUtc_SeveralSchedules_EarliestWins()
    {
        var schedule = new TargetSchedule([Cron("0 3 * * *"), Cron("0 * * * *")], TimeZoneInfo.Utc, Utc("2026-11-22T01:10:00"));
        Assert.That(schedule.NextUtc, Is.EqualTo(Utc("2026-11-22T02:00:00")));
    }

    [Test]
    public void Advance_AfterLongBusyPeriod_SkipsMissedSlotsInsteadOfBursting()
    {
        var schedule = new TargetSchedule([Cron("*/5 * * * *")], TimeZoneInfo.Utc, Utc("2026-11-22T00:00:00"));
        var now = Utc("2026-11-22T01:02:00");
        Assert.That(schedule.IsDue(now), Is.True);
        schedule.Advance(now);
        Assert.That(schedule.IsDue(now), Is.False, "one run, not one per missed slot");
        Assert.That(schedule.NextUtc, Is.EqualTo(Utc("2026-11-22T01:05:00")));
    }

    [Test]
    public void MissedSince_DowntimeOverScheduledTime_True()
    {
        var schedule = new TargetSchedule([Cron("0 0 * * *")], TimeZoneInfo.Utc, Utc("2026-11-22T08:00:00"));
        Assert.That(schedule.MissedSince(Utc("2026-11-20T00:00:05"), Utc("2026-11-22T08:00:00")), Is.True);
        Assert.That(schedule.MissedSince(Utc("2026-11-22T00:00:05"), Utc("2026-11-22T08:00:00")), Is.False);
    }
}
