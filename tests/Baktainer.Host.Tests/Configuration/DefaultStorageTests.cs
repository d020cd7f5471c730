using Baktainer.Host.Tests.Support;

namespace Baktainer.Host.Tests.Configuration;

/// <summary>
/// Without Storage entries the local storage plugin builds the default storage from BT_BACKUP_DIR,
/// BT_MIN_FREE_SPACE_GB and BT_FILE_MODE itself (the host knows none of its keys); its errors name the variable.
/// </summary>
public sealed class DefaultStorageTests
{
    private readonly SettingsProbe _probe = new();

    [OneTimeTearDown]
    public void TearDown() => _probe.Dispose();

    [TestCase("BT_BACKUP_DIR", "relative/dir", "BT_BACKUP_DIR (BackupDir) has invalid value \"relative/dir\"; expected an absolute folder")]
    [TestCase("BT_FILE_MODE", "0777", "BT_FILE_MODE (FileMode) has invalid value \"0777\"; expected an octal mode")]
    [TestCase("BT_MIN_FREE_SPACE_GB", "lots", "BT_MIN_FREE_SPACE_GB (MinFreeSpaceGb) has invalid value \"lots\"; expected a number")]
    public void Invalid_GlobalKeyOfDefaultStorage_OneErrorNamingTheVariable(string variable, string value, string expected)
    {
        var (errors, _, _) = _probe.Run(new Dictionary<string, string> { [variable] = value });
        Assert.That(errors, Has.One.StartsWith(expected), string.Join("\n", errors));
        Assert.That(errors, Has.Count.EqualTo(1), "reported once, though the host (retention) and the plugin both read MinFreeSpaceGb");
    }

    [Test]
    public void Valid_BackupDir_ShownAndNoUnknownKey()
    {
        var (errors, effective, _) = _probe.Run(new Dictionary<string, string> { ["BT_BACKUP_DIR"] = "/srv/bt-default-storage", ["BT_FILE_MODE"] = "0640" });
        Assert.That(errors, Is.Empty);
        Assert.That(effective, Does.Contain("/srv/bt-default-storage").And.Contain("0640"));
    }

    [Test]
    public void Invalid_TwoGlobalKeysOfDefaultStorage_EachErrorOnce()
    {
        var (errors, _, _) = _probe.Run(new Dictionary<string, string> { ["BT_BACKUP_DIR"] = "rel", ["BT_MIN_FREE_SPACE_GB"] = "lots" });
        Assert.That(errors, Is.EquivalentTo(new[]
        {
            "BT_MIN_FREE_SPACE_GB (MinFreeSpaceGb) has invalid value \"lots\"; expected a number from 0 to 1000000",
            "BT_BACKUP_DIR (BackupDir) has invalid value \"rel\"; expected an absolute folder such as /backups",
        }));
    }
}
