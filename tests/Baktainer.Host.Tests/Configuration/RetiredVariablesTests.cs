using Baktainer.Host.Cli;
using Baktainer.Host.Configuration;
using Baktainer.Host.Tests.Cli;
using Baktainer.Tests.Shared;

namespace Baktainer.Host.Tests.Configuration;

/// <summary>The original tool's variables: replaced ones are errors naming the replacement, renamed ones still work.</summary>
public sealed class RetiredVariablesTests
{
    [Test]
    public async Task Validate_OriginalRotationVariables_ErrorsNameTheReplacement()
    {
        using var folder = new TempFolder("bt-retired");
        var environment = new Dictionary<string, string>
        {
            ["BT_ROTATION_ENABLED"] = "true", ["BT_KEY_ROTATION_ENABLED"] = "false", ["BT_PLUGIN_DIR"] = folder.Path,
        };

        var (code, _, error) = await CliRunner.Run(environment, folder.Path, "validate");

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("BT_ROTATION_ENABLED is a setting of the original Baktainer").And.Contain("BT_RETENTION_DAYS"));
        Assert.That(error, Does.Contain("BT_KEY_ROTATION_ENABLED is a setting of the original Baktainer").And.Contain("BT_ENCRYPTION_OLD_KEYS"));
    }

    [Test]
    public void Check_NoneSet_NoErrors() =>
        Assert.That(RetiredVariables.Check(new Dictionary<string, string> { ["BT_RETENTION_DAYS"] = "30" }), Is.Empty);

    [TestCase("false", false)]
    [TestCase("true", true)]
    public void Read_OriginalHealthServerSwitch_SetsHealthEnabled(string value, bool expected)
    {
        using var folder = new TempFolder("bt-retired");
        var reader = new SettingsReader(ConfigurationSources.Build(null, new Dictionary<string, string> { ["BT_HEALTH_SERVER_ENABLED"] = value }, folder.Path));

        Assert.That(reader.Read().Operations.HttpEnabled, Is.EqualTo(expected));
        Assert.That(reader.Errors, Is.Empty);
    }
}
