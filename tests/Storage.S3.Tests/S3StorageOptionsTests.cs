using Baktainer.Abstractions;
using Baktainer.Storage.S3;
using Microsoft.Extensions.Configuration;

namespace Storage.S3.Tests;

[TestFixture]
public sealed class S3StorageOptionsTests
{
    private static S3StorageOptions Read(Dictionary<string, string?> values) =>
        S3StorageOptionsReader.Read("offsite", new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Test]
    public void Read_FullEntry_EverySettingTaken()
    {
        var options = Read(new()
        {
            ["Bucket"] = "my-backups", ["Prefix"] = "/db/", ["Region"] = "eu-west-1", ["ServiceUrl"] = "http://minio:9000",
            ["AccessKeyId"] = "AK", ["SecretAccessKey"] = "SK", ["StorageClass"] = "STANDARD_IA", ["ServerSideEncryption"] = "aws:kms",
            ["KmsKeyId"] = "key-1", ["ObjectLockMode"] = "compliance", ["ObjectLockRetainDays"] = "30", ["PartSizeMiB"] = "16", ["PartsInFlight"] = "4",
        });
        Assert.That((options.Prefix, options.Region, options.ServiceUrl!.Host, options.ForcePathStyle, options.StorageClass, options.ServerSideEncryption,
                options.KmsKeyId, options.ObjectLockMode, options.ObjectLockRetainDays, options.PartSizeMiB, options.PartsInFlight),
            Is.EqualTo(("db/", "eu-west-1", "minio", true, "STANDARD_IA", "aws:kms", "key-1", "COMPLIANCE", 30, 16, 4)));
        Assert.That(options.SecretAccessKey!.ToString(), Is.EqualTo(Secret.Mask));
    }

    [Test]
    public void Read_SecretFromFile_ReadsTheFile()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "from-file\n");
        try
        {
            var options = Read(new() { ["Bucket"] = "b-1", ["AccessKeyId"] = "AK", ["SecretAccessKeyFile"] = file });
            Assert.That(options.SecretAccessKey!.Reveal(), Is.EqualTo("from-file"));
        }
        finally { File.Delete(file); }
    }

    [TestCase("Bucket", "", "Bucket is missing")]
    [TestCase("Bucket", "Bad_Bucket", "Bucket has invalid value")]
    [TestCase("ServiceUrl", "ftp://x", "ServiceUrl has invalid value")]
    [TestCase("ForcePathStyle", "sometimes", "ForcePathStyle has invalid value \"sometimes\"; expected true or false")]
    [TestCase("PartSizeMiB", "4", "PartSizeMiB has invalid value \"4\"; expected a whole number from 5 to 5120")]
    [TestCase("PartsInFlight", "0", "PartsInFlight has invalid value")]
    [TestCase("ServerSideEncryption", "rot13", "expected one of AES256, aws:kms")]
    [TestCase("ObjectLockMode", "GOVERNANCE", "ObjectLockMode and ObjectLockRetainDays must be given together")]
    [TestCase("KmsKeyId", "k", "KmsKeyId is set but ServerSideEncryption is not aws:kms")]
    [TestCase("AccessKeyId", "AK", "must be given together")]
    public void Read_BadSetting_ErrorNamesEntryAndKey(string key, string value, string expected)
    {
        var values = new Dictionary<string, string?> { ["Bucket"] = "good-bucket", [key] = value };
        var e = Assert.Throws<BaktainerException>(() => Read(values));
        Assert.That(e!.Message, Does.StartWith("s3 storage 'offsite': ").And.Contain(expected));
    }

    [Test]
    public void Read_BothSecretAndFile_RejectedWithoutEchoingTheSecret()
    {
        var e = Assert.Throws<BaktainerException>(() => Read(new() { ["Bucket"] = "b-1", ["AccessKeyId"] = "AK", ["SecretAccessKey"] = "hush-hush", ["SecretAccessKeyFile"] = "/x" }));
        Assert.That(e!.Message, Does.Contain("SecretAccessKey and SecretAccessKeyFile are both set").And.Not.Contain("hush-hush"));
    }

    [Test]
    public void Read_SeveralBadSettings_AllListed()
    {
        var e = Assert.Throws<BaktainerException>(() => Read(new() { ["Bucket"] = "Bad_Bucket", ["PartSizeMiB"] = "1", ["PartsInFlight"] = "99" }));
        Assert.That(e!.Message, Does.Contain("Bucket has invalid value").And.Contain("PartSizeMiB has invalid value").And.Contain("PartsInFlight has invalid value"));
    }
}
