using Baktainer.Tests.Shared;

namespace EndToEnd.Tests.Storage;

/// <summary>
/// Base of the end-to-end tests with a real S3-protocol server: s3rver started for each test, and
/// baktainer run with the BT_S3_* variables that add the storage entry <c>s3</c> on it (prefix <c>prod</c>).
/// </summary>
public abstract class S3EndToEndTest : EndToEndTest
{
    internal S3rver S3 { get; private set; } = null!;

    [SetUp]
    public async Task StartS3() => S3 = await S3rver.StartAsync();

    [TearDown]
    public async Task StopS3() => await S3.DisposeAsync();

    /// <summary>The BT_S3_* variables for this test's server; the arguments replace one for a bad-settings test.</summary>
    internal (string, string)[] S3Variables(string? bucket = null, string? endpoint = null, string key = S3rver.AccessKey) =>
    [
        ("BT_S3_BUCKET", bucket ?? S3.Bucket), ("BT_S3_ENDPOINT", endpoint ?? S3.Endpoint), ("BT_S3_PREFIX", "prod"),
        ("BT_S3_ACCESS_KEY_ID", key), ("BT_S3_SECRET_ACCESS_KEY", S3rver.SecretKey), ("Baktainer__S3__PartSizeMiB", "5"),
    ];

    internal Task<(int Code, string Out, string Error)> Run(IEnumerable<(string, string)> extra, params string[] args) => RunWith(S3Variables().Concat(extra), args);

    internal Task<(int Code, string Out, string Error)> Run(params string[] args) => RunWith(S3Variables(), args);

    /// <summary>Runs baktainer with exactly <paramref name="variables"/> (and this test's BT_BACKUP_DIR), logging what it printed.</summary>
    internal async Task<(int Code, string Out, string Error)> RunWith(IEnumerable<(string, string)> variables, string[] args)
    {
        var result = await BaktainerProcess.RunAsync(Backups.Environment([.. variables]), args);
        await TestContext.Out.WriteLineAsync($"baktainer {string.Join(' ', args)} -> {result.Code}\n{result.Out}{result.Error}");
        return result;
    }
}
