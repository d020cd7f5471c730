using Baktainer.Abstractions;
using Baktainer.Abstractions.Labels;
using Baktainer.Tests.Shared;

namespace Baktainer.Abstractions.Tests.Labels;

public sealed class LabelSchemaTests
{
    /// <summary>Later pairs override earlier ones, as a container's labels would.</summary>
    private static LabelParseResult Parse(params (string Key, string Value)[] labels)
    {
        var dictionary = new Dictionary<string, string>();
        foreach (var (key, value) in labels) dictionary[key] = value;
        return TestLabels.BundledEngines.Parse(dictionary);
    }

    private static LabelParseResult ParseEnabled(params (string Key, string Value)[] labels) =>
        Parse([("baktainer.backup", "true"), ("baktainer.db.engine", "postgres"), ("baktainer.db.name", "app"), .. labels]);

    [Test]
    public void Parse_OriginalToolLabels_AllLandOnSettings()
    {
        var result = Parse(
            ("baktainer.backup", "true"), ("baktainer.db.engine", "postgresql"), ("baktainer.db.name", "orders"),
            ("baktainer.db.user", "app"), ("baktainer.db.password", "s3cret"), ("baktainer.name", "orders-db"),
            ("baktainer.db.all", "false"), ("baktainer.compress", "false"), ("baktainer.backup.encrypt", "true"),
            ("baktainer.backup.retention.days", "14"), ("baktainer.backup.retention.count", "30"),
            ("baktainer.backup.priority", "high"));

        Assert.That(result.Issues, Is.Empty);
        var s = result.Settings;
        Assert.Multiple(() =>
        {
            Assert.That(s.Backup, Is.True);
            Assert.That(s.Engine, Is.EqualTo("postgres"), "postgresql is an alias of postgres");
            Assert.That(s.Database, Is.EqualTo("orders"));
            Assert.That(s.User, Is.EqualTo("app"));
            Assert.That(s.Password!.Reveal(), Is.EqualTo("s3cret"));
            Assert.That(s.Name, Is.EqualTo("orders-db"));
            Assert.That(s.AllDatabases, Is.False);
            Assert.That(s.Compress, Is.False);
            Assert.That(s.Encrypt, Is.True);
            Assert.That(s.RetentionDays, Is.EqualTo(14));
            Assert.That(s.RetentionCount, Is.EqualTo(30));
            Assert.That(s.Priority, Is.EqualTo(BackupPriority.High));
        });
    }

    [Test]
    public void Parse_NewLabels_AllLandOnSettings()
    {
        var result = ParseEnabled(
            ("baktainer.db.password_env", "POSTGRES_PASSWORD"), ("baktainer.db.host", "/var/run/postgresql"),
            ("baktainer.db.port", "5433"), ("baktainer.schedule", "0 3 * * *; 0 * * * *"),
            ("baktainer.depends_on", "users, billing"), ("baktainer.storage", "local,s3"), ("baktainer.notify", "slack"),
            ("baktainer.timeout", "1h30m"), ("baktainer.verify", "restore"));

        Assert.That(result.Issues, Is.Empty);
        var s = result.Settings;
        Assert.Multiple(() =>
        {
            Assert.That(s.PasswordEnv, Is.EqualTo("POSTGRES_PASSWORD"));
            Assert.That(s.Host, Is.EqualTo("/var/run/postgresql"));
            Assert.That(s.Port, Is.EqualTo(5433));
            Assert.That(s.Schedules, Is.EqualTo(new[] { "0 3 * * *", "0 * * * *" }));
            Assert.That(s.DependsOn, Is.EqualTo(new[] { "users", "billing" }));
            Assert.That(s.Storage, Is.EqualTo(new[] { "local", "s3" }));
            Assert.That(s.Notify, Is.EqualTo(new[] { "slack" }));
            Assert.That(s.Timeout, Is.EqualTo(TimeSpan.FromMinutes(90)));
            Assert.That(s.Verify, Is.EqualTo("restore"));
        });
    }

    [Test]
    public void Parse_NoLabels_DefaultsApply()
    {
        var result = Parse();
        var s = result.Settings;
        Assert.Multiple(() =>
        {
            Assert.That(result.Issues, Is.Empty);
            Assert.That(s.Backup, Is.False);
            Assert.That(s.Priority, Is.EqualTo(BackupPriority.Normal));
            Assert.That(s.AllDatabases, Is.False);
            Assert.That(s.Compress, Is.Null, "unset means the global BT_COMPRESS");
            Assert.That(s.Schedules, Is.Empty, "unset means the global BT_CRON");
            Assert.That(s.Timeout, Is.Null);
        });
    }

    [TestCase("postgres", "postgres")]
    [TestCase("PostgreSQL", "postgres")]
    [TestCase("mysql", "mysql")]
    [TestCase("mariadb", "mariadb")]
    [TestCase("sqlite", "sqlite")]
    [TestCase("mongodb", "mongodb")]
    [TestCase("mongo", "mongodb")]
    public void Parse_EngineNames_Normalised(string given, string expected)
    {
        var result = Parse(("baktainer.backup", "true"), ("baktainer.db.engine", given), ("baktainer.db.all", "true"));
        Assert.That(result.Settings.Engine, Is.EqualTo(expected));
        Assert.That(result.IsValid, Is.True);
    }

    [Test]
    public void Parse_UnknownEngine_ErrorNamesValueLoadedEnginesAndPluginsList()
    {
        var result = Parse(("baktainer.backup", "true"), ("baktainer.db.engine", "oracle"));
        var error = result.Errors.Single();
        Assert.That(error.Label, Is.EqualTo("baktainer.db.engine"));
        Assert.That(error.Message, Is.EqualTo("label 'baktainer.db.engine' has unknown engine \"oracle\"; loaded engines: postgres (postgresql), mysql, mariadb, sqlite, mongodb (mongo); is a plugin missing? see 'baktainer plugins list'"));
    }

    [Test]
    public void Parse_MisspeltEngineWithDatabaseName_OnlyTheEngineError()
    {
        var result = Parse(("baktainer.backup", "true"), ("baktainer.db.engine", "sqlit"), ("baktainer.db.name", "/data/app.db"));
        Assert.That(result.Errors.Select(e => e.Label), Is.EqualTo(new[] { "baktainer.db.engine" }), string.Join(" | ", result.Issues));
    }

    [Test]
    public void Parse_EngineOfLoadedPluginOnly_AcceptedByNameAndAlias()
    {
        var catalog = TestLabels.With(TestLabels.Engine("redis", "valkey"));
        var labels = new Dictionary<string, string> { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "Valkey" };
        Assert.That(catalog.Parse(labels).Settings.Engine, Is.EqualTo("redis"));
        labels["baktainer.db.engine"] = "postgres";
        Assert.That(catalog.Parse(labels).Errors.Single().Message, Does.Contain("loaded engines: redis (valkey)"));
    }

    [Test]
    public void Parse_NoEngineLoaded_ErrorSaysNone()
    {
        var labels = new Dictionary<string, string> { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres" };
        Assert.That(LabelCatalog.Empty.Parse(labels).Errors.Single().Message, Does.Contain("loaded engines: none; is a plugin missing?"));
    }

    [Test]
    public void Parse_BackupWithoutEngine_ErrorSaysRequired()
    {
        var error = Parse(("baktainer.backup", "true")).Errors.Single();
        Assert.That(error.Message, Does.Contain("'baktainer.db.engine' is required when 'baktainer.backup=true'"));
    }

    [TestCase("baktainer.backup", "maybe", "true or false")]
    [TestCase("baktainer.db.all", "sometimes", "true or false")]
    [TestCase("baktainer.compress", "gzip", "true or false")]
    [TestCase("baktainer.backup.compress", "2", "true or false")]
    [TestCase("baktainer.backup.encrypt", "aes", "true or false")]
    [TestCase("baktainer.backup.retention.days", "-1", "a whole number from 0 to 36500")]
    [TestCase("baktainer.backup.retention.days", "seven", "a whole number from 0 to 36500")]
    [TestCase("baktainer.backup.retention.count", "1.5", "a whole number from 0 to 100000")]
    [TestCase("baktainer.backup.priority", "urgent", "one of low, normal, high, critical")]
    [TestCase("baktainer.db.port", "70000", "a whole number from 1 to 65535")]
    [TestCase("baktainer.db.user", "app; rm -rf /", "a name of letters")]
    [TestCase("baktainer.db.user", "--help", "not starting with -")]
    [TestCase("baktainer.name", "../../etc", "a name of letters")]
    [TestCase("baktainer.name", "a/b", "a name of letters")]
    [TestCase("baktainer.db.password_env", "1BAD-NAME", "an environment variable name")]
    [TestCase("baktainer.db.password_file", "relative/secret", "an absolute path")]
    [TestCase("baktainer.db.password_file", "/run/../etc/shadow", "without '..'")]
    [TestCase("baktainer.db.host", "host;reboot", "a host name or an absolute socket directory")]
    [TestCase("baktainer.timeout", "soon", "a duration such as 90s")]
    [TestCase("baktainer.timeout", "0s", "greater than zero")]
    [TestCase("baktainer.verify", "yes", "one of none, checksum, restore")]
    [TestCase("baktainer.depends_on", "a,b/c", "a comma-separated list of names")]
    [TestCase("baktainer.storage", "  ", "a comma-separated list of names")]
    public void Parse_InvalidValue_ErrorNamesLabelValueAndExpected(string label, string value, string expectedFragment)
    {
        var result = ParseEnabled((label, value));
        var error = result.Errors.SingleOrDefault(e => e.Label == label);
        Assert.That(error, Is.Not.Null, $"no error for {label}={value}; issues: {string.Join(" | ", result.Issues)}");
        Assert.That(error!.Message, Does.StartWith($"label '{label}' has invalid value \"{value}\"; expected "));
        Assert.That(error.Message, Does.Contain(expectedFragment));
        Assert.That(result.IsValid, Is.False);
    }

    [TestCase("0 0 * * *")]
    [TestCase("*/15 * * * *")]
    [TestCase("0 3 * * MON-FRI")]
    [TestCase("0 3 * * *;30 12 1 * *")]
    public void Parse_ValidSchedule_Accepted(string schedule) =>
        Assert.That(ParseEnabled(("baktainer.schedule", schedule)).IsValid, Is.True);

    [TestCase("0 0 * *", "4 fields")]
    [TestCase("every day", "2 fields")]
    [TestCase("0 0 * * *; 0 0 * * * * * *", "8 fields")]
    [TestCase("0 0 * * $(reboot)", "5 fields")]
    public void Parse_InvalidSchedule_ErrorNamesTheExpression(string schedule, string fieldsFragment)
    {
        var error = ParseEnabled(("baktainer.schedule", schedule)).Errors.Single();
        Assert.That(error.Label, Is.EqualTo("baktainer.schedule"));
        Assert.That(error.Message, Does.Contain("invalid cron expression").And.Contain(fieldsFragment).And.Contain("separated by ';'"));
    }

    [TestCase("90s", 90)]
    [TestCase("30m", 1800)]
    [TestCase("2h", 7200)]
    [TestCase("1d", 86400)]
    [TestCase("1h30m", 5400)]
    [TestCase("600", 600)]
    [TestCase("01:30:00", 5400)]
    public void Parse_Durations_Parsed(string value, int seconds) =>
        Assert.That(ParseEnabled(("baktainer.timeout", value)).Settings.Timeout, Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [TestCase("yes", true)]
    [TestCase("ON", true)]
    [TestCase("1", true)]
    [TestCase("no", false)]
    [TestCase("False", false)]
    [TestCase("0", false)]
    public void Parse_BooleanSpellings_Accepted(string value, bool expected) =>
        Assert.That(ParseEnabled(("baktainer.db.all", value)).Settings.AllDatabases, Is.EqualTo(expected));

    [Test]
    public void Parse_DatabaseName_LeftToTheEngine()
    {
        var result = Parse(("baktainer.backup", "true"), ("baktainer.db.engine", "sqlite"), ("baktainer.db.name", " /data/app.db "));
        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Settings.Database, Is.EqualTo("/data/app.db"));
    }

    [Test]
    public void Parse_InvalidPassword_ValueMaskedInError()
    {
        var result = ParseEnabled(("baktainer.db.password", " "));
        var error = result.Errors.Single();
        Assert.That(error.Message, Does.Contain(Secret.Mask));
    }

    [Test]
    public void Parse_TwoPasswordSources_Error()
    {
        var result = ParseEnabled(("baktainer.db.password", "x"), ("baktainer.db.password_env", "PGPASS"));
        Assert.That(result.Errors.Single().Message, Does.Contain("set only one of them"));
        Assert.That(result.Errors.Single().Message, Does.Not.Contain("x\""));
    }

    [Test]
    public void Parse_CompressLabelsDisagree_BackupCompressWinsWithWarning()
    {
        var result = ParseEnabled(("baktainer.compress", "true"), ("baktainer.backup.compress", "false"));
        Assert.That(result.Settings.Compress, Is.False);
        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Warnings.Single().Message, Does.Contain("disagree"));
    }

    [Test]
    public void Parse_CompressionLabel_CodecNameLowerCased()
    {
        var result = ParseEnabled(("baktainer.compression", " ZSTD "));
        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Settings.Compression, Is.EqualTo("zstd"));
        Assert.That(ParseEnabled().Settings.Compression, Is.Null, "unset means the global BT_COMPRESSION");
    }

    [Test]
    public void Parse_CompressionLabelNotAName_Error()
    {
        var result = ParseEnabled(("baktainer.compression", "zstd; rm -rf /"));
        Assert.That(result.Errors.Single().Message, Does.Contain("baktainer.compression"));
    }

    [Test]
    public void Parse_UnknownBaktainerLabel_WarningSuggestsClosest()
    {
        var result = ParseEnabled(("baktainer.db.passwrd", "x"), ("com.example.other", "ignored"));
        var warning = result.Warnings.Single();
        Assert.That(result.IsValid, Is.True);
        Assert.That(warning.Message, Is.EqualTo("label 'baktainer.db.passwrd' is not a Baktainer label and is ignored; did you mean 'baktainer.db.password'? ('baktainer labels' lists them all)"));
    }

    [Test]
    public void Definitions_EveryLabel_HasHelpAndIsUnique()
    {
        Assert.That(LabelSchema.Definitions.Select(d => d.Key), Is.Unique);
        Assert.That(LabelSchema.Definitions, Has.All.Matches<LabelDefinition>(d => d.Help.Length > 10 && d.Key.StartsWith("baktainer.")));
        Assert.That(LabelSchema.Definitions.Count(d => d.IsSecret), Is.EqualTo(1));
    }

    [Test]
    public void Definitions_DesignLabels_AllDefined()
    {
        string[] design = ["baktainer.backup", "baktainer.db.engine", "baktainer.db.name", "baktainer.db.user", "baktainer.db.password",
            "baktainer.name", "baktainer.db.all", "baktainer.compress", "baktainer.backup.compress", "baktainer.backup.encrypt",
            "baktainer.backup.retention.days", "baktainer.backup.retention.count", "baktainer.backup.priority",
            "baktainer.db.password_file", "baktainer.db.password_env", "baktainer.schedule", "baktainer.depends_on",
            "baktainer.storage", "baktainer.notify", "baktainer.timeout"];
        Assert.That(design.Where(k => LabelSchema.Find(k) is null), Is.Empty);
    }

    [Test]
    public void Reference_Text_ListsEveryLabelWithValidValues()
    {
        var text = LabelReference.ToText(TestLabels.BundledEngines);
        foreach (var d in LabelSchema.Definitions)
            Assert.That(text, Does.Contain(d.Key + (d.IsLegacy ? "" : "  (new)")));
        Assert.That(text, Does.Contain("valid: one of low, normal, high, critical"));
    }

    [TestCase("my-db", "my-db")]
    [TestCase("/compose_db_1", "compose_db_1")]
    [TestCase("../../etc/passwd", "_.._etc_passwd")]
    [TestCase("a b;c", "a_b_c")]
    [TestCase("...", "unnamed")]
    public void SanitizeName_HostileText_StaysInsideFolder(string text, string expected)
    {
        var name = LabelSchema.SanitizeName(text);
        Assert.That(name, Is.EqualTo(expected));
        Assert.That(name, Does.Not.Contain("/"));
        Assert.That(name, Does.Not.StartWith("."));
    }

    [Test]
    public void IsBackupEnabled_OnlyWhenTrue()
    {
        Assert.That(LabelSchema.IsBackupEnabled(new Dictionary<string, string> { ["baktainer.backup"] = "true" }), Is.True);
        Assert.That(LabelSchema.IsBackupEnabled(new Dictionary<string, string> { ["baktainer.backup"] = "false" }), Is.False);
        Assert.That(LabelSchema.IsBackupEnabled(new Dictionary<string, string>()), Is.False);
    }
}
