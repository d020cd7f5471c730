using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Notifications;

/// <summary>Configured notifiers hear how each backup ended (the bundled log notifier here).</summary>
[Category("Docker")]
public sealed class LogNotifierTests : EndToEndTest
{
    private Task<(int Code, string Out, string Error)> BackupWithLogNotifier(string target) =>
        BaktainerProcess.RunAsync(Backups.Environment(("Baktainer__Notifiers__0__Name", "ops"), ("Baktainer__Notifiers__0__Type", "log"), ("Baktainer__Notifiers__0__Events", "succeeded,failed")), "backup", "--target", target);

    [Test]
    public async Task Backup_SuccessAndFailure_NotifierTold()
    {
        var good = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("notify-ok"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(good, "/data/app.db", "create table t(x);");
        var bad = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("notify-bad"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/missing/app.db",
        }));

        var ok = await BackupWithLogNotifier(good.Name);
        var failed = await BackupWithLogNotifier(bad.Name);

        Assert.That(ok.Code, Is.EqualTo(0), ok.Out + ok.Error);
        Assert.That(ok.Error, Does.Contain($"notify Succeeded {good.Name} (sqlite)").And.Contain($"backup of {good.Name} succeeded: "));
        Assert.That(failed.Code, Is.EqualTo(1));
        Assert.That(failed.Error, Does.Contain($"notify Failed {bad.Name} (sqlite)"));
    }
}
