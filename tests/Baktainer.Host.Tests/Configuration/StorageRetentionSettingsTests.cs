using Baktainer.Host.Configuration;
using Baktainer.Host.Retention;
using Baktainer.Tests.Shared;

namespace Baktainer.Host.Tests.Configuration;

/// <summary>A storage entry's own retention rules (<c>Storage:N:Retention</c>, <c>BT_S3_RETENTION_*</c>): read, validated, and named in errors.</summary>
public sealed class StorageRetentionSettingsTests
{
    private static (BaktainerSettings Settings, IReadOnlyList<string> Errors) Read(Dictionary<string, string> environment, string? json = null)
    {
        using var folder = new TempFolder("bt-config");
        if (json is not null) File.WriteAllText(folder.Combine("baktainer.json"), json);
        var reader = new SettingsReader(ConfigurationSources.Build(null, environment, folder.Path));
        return (reader.Read(), reader.Errors);
    }

    private const string TwoEntries = """
        { "Retention": { "Count": 7 },
          "Storage": [ { "Name": "local", "Type": "local", "Path": "/b", "MinFreeSpaceGb": 3 },
                       { "Name": "offsite", "Type": "s3", "Bucket": "b", "Retention": { "Count": 90, "Days": 30, "KeepMonthly": 12 } } ] }
        """;

    [Test]
    public void Read_EntryWithRetention_OwnPolicyOnlyForThatEntry()
    {
        var (s, errors) = Read(new(), TwoEntries);
        Assert.That(errors, Is.Empty);
        var offsite = s.StorageRetention["OFFSITE"].Policy!;
        Assert.That((offsite.Count, offsite.Days, offsite.Keep["monthly"]), Is.EqualTo((90, 30, 12)));
        Assert.That(s.StorageRetention["local"].Policy, Is.Null, "local sets no rules: the global policy applies");
        Assert.That(s.StorageRetention["local"].MinFreeSpaceGb, Is.EqualTo(3));
        Assert.That(s.RetentionCount, Is.EqualTo(7));

        var policies = new RetentionPolicies(s);
        Assert.That(policies.For("offsite", null).Count, Is.EqualTo(90));
        Assert.That(policies.For("local", null).Count, Is.EqualTo(7));
        Assert.That(policies.For("offsite", new Abstractions.Labels.TargetSettings { RetentionCount = 2 }).Count, Is.EqualTo(90), "the entry's rules replace the label's");
        Assert.That(policies.For("local", new Abstractions.Labels.TargetSettings { RetentionCount = 2 }).Count, Is.EqualTo(2));
        Assert.That((policies.MinFreeSpaceGbFor("local"), policies.MinFreeSpaceGbFor("offsite")), Is.EqualTo((3.0, 0.0)));
        Assert.That(policies.Describe(), Does.Contain("storage 'offsite': keep 30 days or newest 90 or keep_monthly=12"));
    }

    [Test]
    public void Read_BadEntryRetention_ErrorsNameTheEntryKey()
    {
        const string json = """
            { "Storage": [ { "Name": "offsite", "Type": "s3", "Bucket": "b", "Retention": { "Count": "lots", "Kount": 3, "KeepDaily": -1 } } ] }
            """;
        var errors = Read(new(), json).Errors;
        Assert.That(errors, Has.One.StartsWith("Storage:0:Retention:Count (in baktainer.json) has invalid value \"lots\"; expected a whole number from 0 to 100000"));
        Assert.That(errors, Has.One.StartsWith("Storage:0:Retention:KeepDaily (in baktainer.json) has invalid value \"-1\""));
        Assert.That(errors, Has.One.StartsWith("Storage:0:Retention:Kount (in baktainer.json) is not a retention rule").And.Contains("Days, Count, KeepLast"));
    }

    [Test]
    public void Read_S3RetentionVariables_ApplyToTheS3Entry()
    {
        var (s, errors) = Read(new() { ["BT_S3_BUCKET"] = "b", ["BT_S3_RETENTION_COUNT"] = "90", ["BT_S3_RETENTION_KEEP_WEEKLY"] = "8", ["BT_RETENTION_COUNT"] = "7" });
        Assert.That(errors, Is.Empty);
        Assert.That(s.Storage.Select(e => e.Name), Is.EqualTo(new[] { "local", "s3" }));
        Assert.That(s.StorageRetention["s3"].Policy!.Count, Is.EqualTo(90));
        Assert.That(s.StorageRetention["s3"].Policy!.Keep["weekly"], Is.EqualTo(8));
        Assert.That(s.StorageRetention.ContainsKey("local"), Is.False);
    }

    [Test]
    public void Read_S3RetentionWithoutBucket_ErrorNamesTheVariable()
    {
        var errors = Read(new() { ["BT_S3_RETENTION_DAYS"] = "90" }).Errors;
        Assert.That(errors, Has.One.StartsWith("BT_S3_RETENTION_DAYS (S3:Retention:Days) set but S3:Bucket is missing"));
    }

    [Test]
    public void Read_BadS3RetentionVariable_ErrorNamesTheVariable()
    {
        var errors = Read(new() { ["BT_S3_BUCKET"] = "b", ["BT_S3_RETENTION_DAYS"] = "a while" }).Errors;
        Assert.That(errors, Has.One.StartsWith("BT_S3_RETENTION_DAYS (S3:Retention:Days) has invalid value \"a while\""));
    }
}
