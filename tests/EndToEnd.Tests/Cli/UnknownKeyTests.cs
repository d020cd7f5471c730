using Baktainer.Tests.Shared;

namespace EndToEnd.Tests.Cli;

/// <summary>
/// A misspelt configuration key is an error with a did-you-mean wherever it is; a misspelt BT_* variable
/// is a warning, and so is BT_BACKUP_DIR where Storage entries leave it unused; a plugin's errors about
/// settings a variable set name the variable.
/// </summary>
public sealed class UnknownKeyTests : EndToEndTest
{
    private string WriteConfig(string json)
    {
        var path = Path.Combine(Backups.Path, "..", $"bt-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return Path.GetFullPath(path);
    }

    [Test]
    public async Task Validate_MisspeltKeysEverywhere_Exit2NamingEachKeyFileAndClosest()
    {
        var config = WriteConfig($$"""
            {
              "Treads": 3,
              "Storage": [ { "Name": "disk", "Type": "local", "Path": "{{Backups.Path}}", "FileMod": "0600" },
                           { "Name": "offsite", "Type": "s3", "Bucket": "bucket-a", "PartSizeMb": 8 } ],
              "Notifiers": [ { "Name": "ops", "Type": "log", "Evnts": "failed" } ],
              "Plugins": { "Compression.Zstd": { "Wrkers": 1 } }
            }
            """);
        try
        {
            var (code, output, error) = await Baktainer("validate", "--offline", "--config", config);
            var file = Path.GetFileName(config);
            Assert.That(code, Is.EqualTo(2), output + error);
            Assert.That(error, Does.Contain($"unknown key Treads (in {file}); did you mean Threads?"));
            Assert.That(error, Does.Contain($"unknown key Storage:0:FileMod (in {file}); did you mean FileMode?"));
            Assert.That(error, Does.Contain($"unknown key Storage:1:PartSizeMb (in {file}); did you mean PartSizeMiB?"));
            Assert.That(error, Does.Contain($"unknown key Notifiers:0:Evnts (in {file}); did you mean Events?"));
            Assert.That(error, Does.Contain($"unknown key Plugins:Compression.Zstd:Wrkers (in {file}); did you mean Workers?"));
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Test]
    public async Task Run_MisspeltKey_RefusesToStart()
    {
        var config = WriteConfig("""{ "Treads": 3 }""");
        try
        {
            var (code, _, error) = await BaktainerProcess.RunAsync(Backups.Environment(("BT_HEALTH_PORT", "0"), ("BT_HEALTH_BIND", "127.0.0.1")), "run", "--config", config);
            Assert.That(code, Is.EqualTo(2), error);
            Assert.That(error, Does.Contain("unknown key Treads").And.Contain("did you mean Threads?"));
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Test]
    public async Task Validate_BadPluginSettingsFromVariables_ErrorsNameTheVariables()
    {
        var (code, output, error) = await BaktainerProcess.RunAsync(Backups.Environment(("BT_DOCKER_URL", "http://docker"), ("BT_S3_BUCKET", "Bad_Bucket"),
            ("BT_EMAIL_HOST", "smtp.example.com")), "validate", "--offline");
        Assert.That(code, Is.EqualTo(2), output + error);
        Assert.That(error, Does.Contain("Docker discovery 'docker': BT_DOCKER_URL (Docker:Url) has invalid value \"http://docker\""));
        Assert.That(error, Does.Contain("s3 storage 's3': BT_S3_BUCKET (S3:Bucket) has invalid value \"Bad_Bucket\""));
        Assert.That(error, Does.Contain("BT_EMAIL_HOST (Channels:Email:Host) set but BT_NOTIFICATION_CHANNELS (NotificationChannels) does not include email"));
    }

    [Test]
    public async Task Validate_BackupDirWithStorageEntries_WarnsItIsIgnoredUnlessAnEntryUsesIt()
    {
        var elsewhere = WriteConfig($$"""{ "Storage": [ { "Name": "disk", "Type": "local", "Path": "{{Backups.Path}}/elsewhere" } ] }""");
        var same = WriteConfig($$"""{ "Storage": [ { "Name": "disk", "Type": "local", "Path": "{{Backups.Path}}/" } ] }""");
        try
        {
            var ignored = await Baktainer("validate", "--offline", "--config", elsewhere);
            Assert.That(ignored.Code, Is.EqualTo(0), ignored.Out + ignored.Error);
            Assert.That(ignored.Error, Does.Contain("BT_BACKUP_DIR (BackupDir) is ignored").And.Contain("set Path on a local entry"));
            var used = await Baktainer("validate", "--offline", "--config", same);
            Assert.That(used.Code, Is.EqualTo(0), used.Out + used.Error);
            Assert.That(used.Error, Does.Not.Contain("BT_BACKUP_DIR"), "the local entry uses that folder");
        }
        finally
        {
            File.Delete(elsewhere);
            File.Delete(same);
        }
    }

    [Test]
    public async Task Validate_MisspeltVariable_WarnsButValid()
    {
        var (code, output, error) = await BaktainerProcess.RunAsync(Backups.Environment(("BT_TREADS", "3")), "validate", "--offline");
        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(error, Does.Contain("environment variable BT_TREADS is not a Baktainer setting and is ignored; did you mean BT_THREADS?"));
        Assert.That(output, Does.Contain("valid"));
    }
}
