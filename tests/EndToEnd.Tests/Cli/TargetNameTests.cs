using System.Text.Json;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Cli;

/// <summary>
/// Every command that takes --target accepts the same names (backup name or container name), and
/// a name that matches nothing is an error (exit 2) listing the known names, never an empty success.
/// </summary>
[Category("Docker")]
public sealed class TargetNameTests : EndToEndTest
{
    private async Task<TestContainer> BackedUp()
    {
        var c = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("names"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db", ["baktainer.name"] = "orders",
        }));
        await DatabaseContainers.SqliteAsync(c, "/data/app.db", "create table t(x); insert into t values (1);");
        var (code, output, error) = await Baktainer("backup", "--target", c.Name);
        Assert.That(code, Is.EqualTo(0), output + error);
        return c;
    }

    [Test]
    public async Task VerifyAndBackups_ContainerNameDiffersFromBackupName_BothNamesWork()
    {
        var c = await BackedUp();
        foreach (var name in new[] { c.Name, "orders" })
        {
            var verify = await Baktainer("verify", "--target", name);
            Assert.That(verify.Code, Is.EqualTo(0), verify.Out + verify.Error);
            Assert.That(verify.Out, Does.Contain("1 of 1 backup(s) verified"), $"--target {name}");
            var listed = await Baktainer("backups", "--target", name, "--json");
            Assert.That(JsonDocument.Parse(listed.Out).RootElement.GetArrayLength(), Is.EqualTo(1), $"--target {name}");
        }
        var latest = await Baktainer("verify", "latest", "--target", c.Name);
        Assert.That(latest.Code, Is.EqualTo(0), latest.Out + latest.Error);
    }

    [TestCase("verify")]
    [TestCase("backups")]
    public async Task UnknownName_Exit2ListingKnownNames(string command)
    {
        var c = await BackedUp();

        var (code, output, error) = await Baktainer(command, "--target", "nosuch-xyz");

        Assert.That(code, Is.EqualTo(2), output + error);
        Assert.That(error, Does.Contain("no target named 'nosuch-xyz'").And.Contain($"orders (container {c.Name})"));
    }

    [Test]
    public async Task Restore_UnknownTarget_Exit2()
    {
        await BackedUp();
        var (code, _, error) = await Baktainer("restore", "latest", "--target", "nosuch-xyz", "--yes");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("no target named 'nosuch-xyz'"));
    }
}
