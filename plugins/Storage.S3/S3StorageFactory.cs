using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Baktainer.Storage.S3;

/// <summary>Creates S3 storage for <c>Type: s3</c> entries.</summary>
internal sealed class S3StorageFactory(ILoggerFactory loggers, TimeProvider time) : IStorageTargetFactory
{
    public string Type => "s3";

    public IStorageTarget Create(string name, IConfiguration settings)
    {
        var options = S3StorageOptionsReader.Read(name, settings);
        var bucket = new S3Bucket(name, options, CreateClient(options), time);
        var logger = loggers.CreateLogger("baktainer.storage.s3");
        return new S3StorageTarget(bucket, new LeftoverUploads(bucket, logger), logger);
    }

    /// <summary>A client for the entry: its endpoint and region, and its keys or else the SDK's credential chain.</summary>
    public static AmazonS3Client CreateClient(S3StorageOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            Timeout = TimeSpan.FromMinutes(5),
            MaxErrorRetry = 3,
            // Checksums only where S3 requires them: S3-compatible servers differ in what they accept.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        return options.SecretAccessKey is { } secret
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, secret.Reveal()), config)
            : new AmazonS3Client(config);
    }
}
