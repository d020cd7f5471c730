using Baktainer.Abstractions.Notifications;
using Baktainer.Host.Notifications;

namespace Baktainer.Host.Tests.Notifications;

public sealed class NotificationRuleTests
{
    private static readonly NotificationRule FailuresOnly = new(new HashSet<BackupEventKind>(NotificationRule.FailureGroup), MinFailures: 3);

    private static BackupEvent Failure(int inARow) =>
        new(BackupEventKind.Failed, "orders", "postgres", DateTimeOffset.UtcNow, "failed", Error: "boom") { ConsecutiveFailures = inARow };

    private static BackupEvent Success() => new(BackupEventKind.Succeeded, "orders", "postgres", DateTimeOffset.UtcNow, "ok");

    [Test]
    public void Apply_FewerFailuresThanMinimum_NotSent()
    {
        Assert.That(FailuresOnly.Apply(Failure(2), 1), Is.Null);
        Assert.That(FailuresOnly.Apply(Failure(3), 2), Is.Not.Null);
    }

    [Test]
    public void Apply_SuccessAfterAlertedFailures_SentAsRecovered()
    {
        var sent = FailuresOnly.Apply(Success(), failuresBefore: 4);

        Assert.That(sent!.Kind, Is.EqualTo(BackupEventKind.Recovered));
        Assert.That(sent.Message, Does.Contain("recovered after 4 failure(s) in a row"));
    }

    [Test]
    public void Apply_SuccessAfterUnalertedFailuresOrRecoveryOff_NotSent()
    {
        Assert.That(FailuresOnly.Apply(Success(), failuresBefore: 2), Is.Null, "the 2 failures were below MinFailures, so nobody was alerted");
        Assert.That((FailuresOnly with { Recovery = false }).Apply(Success(), failuresBefore: 5), Is.Null);
    }

    [Test]
    public void Apply_KindNotInEvents_NotSent()
    {
        Assert.That(FailuresOnly.Apply(Success() with { Kind = BackupEventKind.Started }, 0), Is.Null);
    }
}
