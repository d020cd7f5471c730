using Baktainer.Abstractions;
using Baktainer.Host.Scheduling;

namespace Baktainer.Host.Tests.Scheduling;

public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text + "Z", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void NextAfter_FiveFields_NextMatchingMinute()
    {
        var schedule = CronSchedule.Parse("15 3 * * *", false, "test");
        Assert.That(schedule.NextAfter(Utc("2026-11-22T03:14:59"), TimeZoneInfo.Utc), Is.EqualTo(Utc("2026-11-22T03:15:00")));
        Assert.That(schedule.NextAfter(Utc("2026-11-22T03:15:00"), TimeZoneInfo.Utc), Is.EqualTo(Utc("2026-11-23T03:15:00")), "strictly after");
    }

    [Test]
    public void Parse_SixFieldsWithoutOptIn_RejectedNamingTheTrap()
    {
        var e = Assert.Throws<BaktainerException>(() => CronSchedule.Parse("* 0 3 * * *", false, "container 'db' label 'baktainer.schedule'"));
        Assert.That(e!.Message, Does.StartWith("container 'db' label 'baktainer.schedule': \"* 0 3 * * *\" has 6 fields").And.Contain("BT_CRON_SECONDS=true"));
    }

    [Test]
    public void Parse_SixFieldsWithOptIn_SecondsHonoured()
    {
        var schedule = CronSchedule.Parse("*/10 * * * * *", true, "test");
        Assert.That(schedule.NextAfter(Utc("2026-11-22T03:00:01"), TimeZoneInfo.Utc), Is.EqualTo(Utc("2026-11-22T03:00:10")));
    }

    [TestCase("every day")]
    [TestCase("61 * * * *")]
    [TestCase("* * * *")]
    public void Parse_Invalid_ErrorNamesSourceAndExpression(string expression)
    {
        var e = Assert.Throws<BaktainerException>(() => CronSchedule.Parse(expression, false, "BT_CRON"));
        Assert.That(e!.Message, Does.StartWith($"BT_CRON: \"{expression}\" is not a valid cron expression"));
    }

    [Test]
    public void NextAfter_TimeZone_WallClockOfThatZone()
    {
        var schedule = CronSchedule.Parse("0 3 * * *", false, "test");
        Assert.That(schedule.NextAfter(Utc("2026-11-22T00:00:00"), Berlin), Is.EqualTo(Utc("2026-11-22T02:00:00")), "03:00 CET is 02:00 UTC");
    }

    [Test]
    public void NextAfter_SpringForwardGap_RunsWhenClockResumes_NoSkippedDay()
    {
        // 2026-03-29: Berlin clocks jump from 02:00 to 03:00; 02:30 does not exist that day.
        var schedule = CronSchedule.Parse("30 2 * * *", false, "test");
        var runs = Runs(schedule, Utc("2026-03-27T00:00:00"), 4, Berlin);
        Assert.That(runs, Is.EqualTo(new[]
        {
            Utc("2026-03-27T01:30:00"), Utc("2026-03-28T01:30:00"),
            Utc("2026-03-29T01:00:00"), // 03:00 CEST, when the clock resumes
            Utc("2026-03-30T00:30:00"),
        }));
    }

    [Test]
    public void NextAfter_FallBackRepeatedHour_RunsOnceNotTwice()
    {
        // 2026-10-25: Berlin clocks go back from 03:00 to 02:00; 02:30 happens twice.
        var schedule = CronSchedule.Parse("30 2 * * *", false, "test");
        var runs = Runs(schedule, Utc("2026-10-24T00:00:00"), 3, Berlin);
        Assert.That(runs, Is.EqualTo(new[] { Utc("2026-10-24T00:30:00"), Utc("2026-10-25T00:30:00"), Utc("2026-10-26T01:30:00") }));
    }

    private static List<DateTimeOffset> Runs(CronSchedule schedule, DateTimeOffset from, int count, TimeZoneInfo zone)
    {
        var runs = new List<DateTimeOffset>();
        for (var at = from; runs.Count < count;) runs.Add(at = schedule.NextAfter(at, zone));
        return runs;
    }
}
