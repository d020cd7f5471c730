using Baktainer.Host.Configuration;
using Baktainer.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Tests.Configuration;

public sealed class SettingsReaderTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder("bt-config");

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private (BaktainerSettings Settings, IReadOnlyList<string> Errors) Read(Dictionary<string, string> environment, string? json = null)
    {
        string? path = null;
        if (json is not null)
        {
            path = _folder.Combine("baktainer.json");
            File.WriteAllText(path, json);
        }
        var loaded = ConfigurationSources.Build(path, environment, _folder.Path);
        var reader = new SettingsReader(loaded);
        return (reader.Read(), reader.Errors);
    }

    [Test]
    public void Read_EveryLegacyVariable_LandsOnItsSetting()
    {
        var keyFile = _folder.Combine("key");
        File.WriteAllText(keyFile, new string('a', 64));
        var (s, errors) = Read(new()
        {
            ["BT_CRON"] = "15 2 * * *",
            ["BT_THREADS"] = "7",
            ["BT_BACKUP_DIR"] = "/srv/backups",
            ["BT_COMPRESS"] = "false",
            ["BT_DOCKER_URL"] = "tcp://127.0.0.1:2376",
            ["BT_SSL"] = "true",
            ["BT_CA"] = "/certs/ca.pem",
            ["BT_CERT"] = "/certs/cert.pem",
            ["BT_KEY"] = "/certs/key.pem",
            ["BT_LOG_LEVEL"] = "debug",
            ["BT_RETENTION_DAYS"] = "10",
            ["BT_RETENTION_COUNT"] = "5",
            ["BT_MIN_FREE_SPACE_GB"] = "2.5",
            ["BT_ENCRYPTION_ENABLED"] = "true",
            ["BT_ENCRYPTION_KEY_FILE"] = keyFile,
            ["BT_PLUGIN_DIR"] = "/opt/bt/plugins",
            ["BT_HEALTH_PORT"] = "9090",
            ["BT_TIMEZONE"] = "Europe/Berlin",
        });

        Assert.That(errors, Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(s.Cron, Is.EqualTo("15 2 * * *"));
            Assert.That(s.Threads, Is.EqualTo(7));
            Assert.That(s.BackupDir, Is.EqualTo("/srv/backups"));
            Assert.That(s.Compress, Is.False);
            var docker = s.Discovery.Single().Settings; // the default docker entry: the plugin reads and checks it
            Assert.That(docker["Url"], Is.EqualTo("tcp://127.0.0.1:2376"));
            Assert.That(docker["Tls"], Is.EqualTo("true"));
            Assert.That(docker["Ca"], Is.EqualTo("/certs/ca.pem"));
            Assert.That(docker["Cert"], Is.EqualTo("/certs/cert.pem"));
            Assert.That(docker["Key"], Is.EqualTo("/certs/key.pem"));
            Assert.That(s.LogLevel, Is.EqualTo(LogLevel.Debug));
            Assert.That(s.RetentionDays, Is.EqualTo(10));
            Assert.That(s.RetentionCount, Is.EqualTo(5));
            Assert.That(s.MinFreeSpaceGb, Is.EqualTo(2.5));
            Assert.That(s.Storage.Single().FromGlobal, Is.True, "the default local storage reads BackupDir and MinFreeSpaceGb itself (DefaultStorageTests)");
            Assert.That(s.Encryption.Enabled, Is.True);
            Assert.That(s.Encryption.KeyFile, Is.EqualTo(keyFile));
            Assert.That(s.PluginDir, Is.EqualTo("/opt/bt/plugins"));
            Assert.That(s.HealthPort, Is.EqualTo(9090));
            Assert.That(s.Timezone, Is.EqualTo("Europe/Berlin"));
        });
    }

    [Test]
    public void Read_EncryptionKeyAndPassphraseVariables_Land()
    {
        var key = Convert.ToHexString(new byte[32]);
        Assert.That(Read(new() { ["BT_ENCRYPTION_KEY"] = key }).Settings.Encryption.Key!.Reveal(), Is.EqualTo(key));
        Assert.That(Read(new() { ["BT_ENCRYPTION_PASSPHRASE"] = "long passphrase" }).Settings.Encryption.Passphrase!.Reveal(), Is.EqualTo("long passphrase"));
    }

    [Test]
    public void Read_TzVariable_SetsTimezoneUnlessBtTimezoneDoes()
    {
        Assert.That(Read(new() { ["TZ"] = "Europe/Berlin" }).Settings.Timezone, Is.EqualTo("Europe/Berlin"));
        Assert.That(Read(new() { ["TZ"] = "Europe/Berlin", ["BT_TIMEZONE"] = "Asia/Tokyo" }).Settings.Timezone, Is.EqualTo("Asia/Tokyo"));
        var (s, errors) = Read(new() { ["TZ"] = ":/etc/localtime" });
        Assert.That((s.Timezone, errors.Count), Is.EqualTo(("UTC", 0)), "a libc-style TZ is ignored, not an error");
    }

    [Test]
    public void Read_CompressionVariables_Land()
    {
        var (s, errors) = Read(new() { ["BT_COMPRESSION"] = "ZSTD", ["BT_COMPRESSION_LEVEL"] = "smallest" });
        Assert.That(errors, Is.Empty);
        Assert.That((s.Compress, s.Compression, s.CompressionLevel), Is.EqualTo((true, "zstd", "smallest")));
        Assert.That(Read(new(), "{ \"Compression\": \"none\", \"CompressionLevel\": \"3\" }").Settings.Compression, Is.EqualTo("none"));
    }

    [Test]
    public void Read_CompressFalseButCodecNamed_ErrorNamesBoth()
    {
        var (_, errors) = Read(new() { ["BT_COMPRESS"] = "false", ["BT_COMPRESSION"] = "zstd" });
        Assert.That(errors.Single(), Does.Contain("BT_COMPRESS").And.Contain("BT_COMPRESSION").And.Contain("zstd"));
        Assert.That(Read(new() { ["BT_COMPRESS"] = "false", ["BT_COMPRESSION"] = "none" }).Errors, Is.Empty);
    }

    [Test]
    public void Read_CompressionNotAName_Error()
    {
        var (_, errors) = Read(new() { ["BT_COMPRESSION"] = "zstd -19" });
        Assert.That(errors.Single(), Does.Contain("BT_COMPRESSION").And.Contain("codec name"));
    }

    [Test]
    public void Read_DaemonVariables_Land()
    {
        var (s, errors) = Read(new()
        {
            ["BT_CRON_SECONDS"] = "true", ["BT_CRON"] = "*/30 * * * * *", ["BT_JITTER"] = "90s", ["BT_SHUTDOWN_GRACE"] = "2m",
            ["BT_CATCH_UP"] = "false", ["BT_RETRY_ATTEMPTS"] = "5", ["BT_RETRY_DELAY"] = "10s", ["BT_TIMEOUT"] = "45m", ["BT_VERIFY"] = "restore",
        });
        Assert.That(errors, Is.Empty);
        Assert.That((s.CronSeconds, s.Cron, s.Jitter, s.ShutdownGrace, s.CatchUp), Is.EqualTo((true, "*/30 * * * * *", TimeSpan.FromSeconds(90), TimeSpan.FromMinutes(2), false)));
        Assert.That((s.RetryAttempts, s.RetryDelay, s.Timeout, s.Verify), Is.EqualTo((5, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(45), "restore")));
    }

    [Test]
    public void Read_SixFieldCronWithoutOptIn_ErrorNamesVariable()
    {
        var errors = Read(new() { ["BT_CRON"] = "*/30 * * * * *" }).Errors;
        Assert.That(errors.Single(), Does.StartWith("BT_CRON (Cron) has invalid value \"*/30 * * * * *\""));
    }

    [Test]
    public void Read_Nothing_OriginalToolDefaults()
    {
        var (s, errors) = Read(new());
        Assert.That(errors, Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(s.Cron, Is.EqualTo("0 0 * * *"));
            Assert.That(s.Threads, Is.EqualTo(4));
            Assert.That(s.BackupDir, Is.EqualTo("/backups"));
            Assert.That(s.Compress, Is.True);
            Assert.That(s.Compression, Is.EqualTo("gzip"));
            Assert.That(s.CompressionLevel, Is.Null, "the codec's own default level");
            Assert.That(s.Storage.Single().Type, Is.EqualTo("local"));
            Assert.That(s.Storage.Single().FromGlobal, Is.True, "built by the local plugin from the global keys");
            Assert.That(s.Discovery.Single().Type, Is.EqualTo("docker"));
        });
    }

    [Test]
    public void Read_SameSettingInAllLayers_FileThenBaktainerThenBt()
    {
        const string json = """{ "Threads": 2, "BackupDir": "/from/file", "Cron": "1 1 * * *" }""";
        var fileOnly = Read(new(), json).Settings;
        var withEnv = Read(new() { ["Baktainer__Threads"] = "3", ["Baktainer__BackupDir"] = "/from/env" }, json).Settings;
        var withBt = Read(new() { ["Baktainer__Threads"] = "3", ["Baktainer__BackupDir"] = "/from/env", ["BT_THREADS"] = "5" }, json).Settings;

        Assert.That((fileOnly.Threads, fileOnly.BackupDir, fileOnly.Cron), Is.EqualTo((2, "/from/file", "1 1 * * *")));
        Assert.That((withEnv.Threads, withEnv.BackupDir, withEnv.Cron), Is.EqualTo((3, "/from/env", "1 1 * * *")));
        Assert.That((withBt.Threads, withBt.BackupDir, withBt.Cron), Is.EqualTo((5, "/from/env", "1 1 * * *")));
    }

    [Test]
    public void Read_DockerVariablesWithDiscoveryEntries_ErrorInsteadOfIgnored()
    {
        var (_, errors) = Read(new() { ["BT_DOCKER_URL"] = "tcp://10.0.0.1:2375" }, """{ "Discovery": [ { "Name": "d", "Type": "docker", "Url": "unix:///x.sock" } ] }""");
        Assert.That(errors, Is.EqualTo(new[] { "BT_DOCKER_URL (Docker:Url) configure the default Docker discovery only; with Discovery entries configured, set Url, Tls, Ca, Cert and Key on each docker entry" }));
    }

    [Test]
    public void Read_NestedBaktainerVariable_Overrides()
    {
        var s = Read(new() { ["Baktainer__Docker__Url"] = "tcp://127.0.0.1:1" }, """{ "Docker": { "Url": "unix:///x.sock" } }""").Settings;
        Assert.That(s.Discovery.Single().Settings["Url"], Is.EqualTo("tcp://127.0.0.1:1"));
    }

    [TestCase("BT_THREADS", "abc", "BT_THREADS (Threads) has invalid value \"abc\"; expected a whole number from 1 to 64")]
    [TestCase("BT_THREADS", "0", "BT_THREADS (Threads) has invalid value \"0\"; expected a whole number from 1 to 64")]
    [TestCase("BT_CRON", "every night", "BT_CRON (Cron) has invalid value \"every night\"; expected a 5-field cron expression")]
    [TestCase("BT_COMPRESS", "gzip", "BT_COMPRESS (Compress) has invalid value \"gzip\"; expected true or false")]
    [TestCase("BT_LOG_LEVEL", "loud", "BT_LOG_LEVEL (LogLevel) has invalid value \"loud\"; expected one of trace, debug, info")]
    [TestCase("BT_RETENTION_DAYS", "-3", "BT_RETENTION_DAYS (Retention:Days) has invalid value \"-3\"; expected a whole number from 0")]
    [TestCase("BT_RETENTION_COUNT", "many", "BT_RETENTION_COUNT (Retention:Count) has invalid value \"many\"")]
    [TestCase("BT_MIN_FREE_SPACE_GB", "lots", "BT_MIN_FREE_SPACE_GB (MinFreeSpaceGb) has invalid value \"lots\"; expected a number")]
    [TestCase("BT_PLUGIN_DIR", "plugins", "BT_PLUGIN_DIR (PluginDir) has invalid value \"plugins\"; expected an absolute path")]
    [TestCase("BT_HEALTH_PORT", "99999", "BT_HEALTH_PORT (HealthPort) has invalid value \"99999\"; expected a whole number from 0 to 65535")]
    [TestCase("BT_TIMEZONE", "Mars/Olympus", "BT_TIMEZONE (Timezone) has invalid value \"Mars/Olympus\"; expected an IANA time zone")]
    [TestCase("BT_ENCRYPTION_ENABLED", "true", "BT_ENCRYPTION_ENABLED (Encryption:Enabled) is true but no key is set")]
    [TestCase("BT_ENCRYPTION_KEY_FILE", "/nonexistent/key", "BT_ENCRYPTION_KEY_FILE (Encryption:KeyFile) names '/nonexistent/key', which does not exist")]
    public void Read_InvalidVariable_ErrorNamesVariableKeyValueAndExpected(string variable, string value, string expected)
    {
        var errors = Read(new() { [variable] = value }).Errors;
        Assert.That(errors, Has.One.StartsWith(expected));
    }

    [Test]
    public void Read_BadEncryptionKey_ErrorHidesTheValue()
    {
        var errors = Read(new() { ["BT_ENCRYPTION_KEY"] = "not-a-key-hunter2" }).Errors;
        Assert.That(errors.Single(), Does.Contain("BT_ENCRYPTION_KEY (Encryption:Key) is not a 256-bit key"));
        Assert.That(errors.Single(), Does.Not.Contain("hunter2"));
    }

    [Test]
    public void Read_InvalidFileValue_ErrorNamesKeyAndFile()
    {
        var errors = Read(new(), """{ "Threads": "lots" }""").Errors;
        Assert.That(errors.Single(), Is.EqualTo("Threads (in baktainer.json) has invalid value \"lots\"; expected a whole number from 1 to 64"));
    }

    [Test]
    public void Read_InvalidBaktainerVariable_ErrorNamesTheVariable()
    {
        var errors = Read(new() { ["Baktainer__Threads"] = "x" }).Errors;
        Assert.That(errors.Single(), Does.StartWith("Baktainer__Threads (Threads) has invalid value \"x\""));
    }

    [Test]
    public void Read_StorageEntries_NamedTypedAndChecked()
    {
        const string json = """
            { "Storage": [ { "Name": "local", "Type": "local", "Path": "/b" }, { "Name": "offsite", "Type": "S3", "Bucket": "b" },
                           { "Name": "local", "Type": "local" }, { "Type": "local" }, { "Name": "x" } ] }
            """;
        var (s, errors) = Read(new(), json);
        Assert.That(s.Storage.Select(e => e.Type), Is.EqualTo(new[] { "local", "s3", "local", "local", "" }));
        Assert.That(s.Storage[1].Settings["Bucket"], Is.EqualTo("b"));
        Assert.That(errors, Has.One.Contains("Storage:2:Name (in baktainer.json) repeats the name \"local\""));
        Assert.That(errors, Has.One.Contains("Storage:3:Name (in baktainer.json) is missing"));
        Assert.That(errors, Has.One.Contains("Storage:4:Type (in baktainer.json) is missing"));
    }

    [Test]
    public void Build_MissingConfigFile_ErrorNamesIt()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationSources.Build("nope.json", new Dictionary<string, string>(), _folder.Path));
        Assert.That(e!.Message, Does.Contain("nope.json").And.Contain("does not exist"));
    }

    [Test]
    public void Build_BrokenJson_ErrorNamesFile()
    {
        File.WriteAllText(_folder.Combine("bad.json"), "{ \"Threads\": ");
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationSources.Build("bad.json", new Dictionary<string, string>(), _folder.Path));
        Assert.That(e!.Message, Does.Contain("bad.json").And.Contain("not valid JSON"));
    }

    [Test]
    public void Build_DefaultFileInWorkingDirectory_IsRead()
    {
        File.WriteAllText(_folder.Combine("baktainer.json"), """{ "Threads": 9 }""");
        var loaded = ConfigurationSources.Build(null, new Dictionary<string, string>(), _folder.Path);
        Assert.That(new SettingsReader(loaded).Read().Threads, Is.EqualTo(9));
    }
}
