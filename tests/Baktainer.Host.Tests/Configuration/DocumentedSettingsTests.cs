using Baktainer.Host.Configuration;
using Baktainer.Host.Tests.Support;

namespace Baktainer.Host.Tests.Configuration;

/// <summary>
/// The rule "no setting is accepted and then ignored", checked for every variable and key README's
/// Configuration table documents: a valid value changes the effective settings (the /config view or
/// the settings), the same value given as the key in a file has the same effect, an invalid value is
/// an error naming the variable; and every variable the code reads is documented.
/// </summary>
public sealed class DocumentedSettingsTests
{
    private SettingsProbe _probe = null!;
    private IReadOnlyDictionary<string, DocumentedSettingCase> _cases = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _probe = new SettingsProbe();
        _cases = DocumentedSettingCase.All(_probe.Folder);
    }

    [OneTimeTearDown]
    public void TearDown() => _probe.Dispose();

    private static IEnumerable<string> DocumentedVariables() => ReadmeSettings.Variables();

    private static IEnumerable<string> DocumentedKeys() => ReadmeSettings.KeysWithoutVariable();

    [Test]
    public void Readme_Table_Parsed()
    {
        Assert.That(ReadmeSettings.Variables(), Has.Count.GreaterThan(60).And.Contains("BT_NOTIFY_FAILURES").And.Contains("BT_EMAIL_TO").And.Contains("BT_S3_RETENTION_KEEP_YEARLY"));
        Assert.That(ReadmeSettings.KeysWithoutVariable(), Does.Contain("HealthInterval"));
    }

    [Test]
    public void Code_EveryVariableItReads_DocumentedInReadme()
    {
        var documented = ReadmeSettings.Variables();
        Assert.That(LegacyVariables.Map.Select(m => m.Variable).Where(v => !documented.Contains(v)), Is.Empty,
            "variables the code reads that README's Configuration table does not document");
        Assert.That(documented.Where(v => LegacyVariables.VariableFor(Key(v)) is null), Is.Empty, "documented variables the code does not read");
    }

    [Test]
    public void Code_EveryTopLevelKeyItReads_DocumentedInReadme()
    {
        var (_, _, loaded) = _probe.Run(new Dictionary<string, string>());
        var documented = LegacyVariables.Map.Select(m => m.Key).Concat(ReadmeSettings.KeysWithoutVariable()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var read = loaded.Keys.ReadKeys.Where(k => !k.StartsWith("Storage:", StringComparison.OrdinalIgnoreCase) && !k.StartsWith("Plugins:", StringComparison.OrdinalIgnoreCase));
        Assert.That(read.Where(k => !documented.Contains(k)).Order(), Is.Empty, "keys the host reads that README does not document");
    }

    [TestCaseSource(nameof(DocumentedVariables))]
    public void Variable_ValidValue_ChangesEffectiveSettingsAsItsKeyDoes(string variable)
    {
        Assert.That(_cases, Contains.Key(variable), $"{variable} is documented but this test has no case for it: add one to DocumentedSettingCase");
        var test = _cases[variable];
        var context = test.Context.ToDictionary(c => c.Variable, c => c.Value);
        var baseline = _probe.Run(context);
        var set = _probe.Run(new Dictionary<string, string>(context) { [variable] = test.Valid });
        var asKey = _probe.Run(context.Where(c => c.Key != variable).ToDictionary(), SettingsProbe.Json(Key(variable), test.Valid));

        Assert.That(set.Errors, Is.Empty, $"{variable}={test.Valid} should be valid");
        Assert.That(set.Effective, Is.Not.EqualTo(baseline.Effective), $"{variable}={test.Valid} is accepted but changes nothing");
        Assert.That(asKey.Errors, Is.Empty, $"{Key(variable)} in the file should be valid");
        Assert.That(asKey.Effective, Is.EqualTo(set.Effective), $"{Key(variable)} in the file should do what {variable} does");
    }

    [TestCaseSource(nameof(DocumentedVariables))]
    public void Variable_InvalidValue_ErrorNamesIt(string variable)
    {
        Assert.That(_cases, Contains.Key(variable), $"{variable} is documented but this test has no case for it");
        var test = _cases[variable];
        if (test.Invalid is null) Assert.Ignore($"{variable} takes any text");
        var context = test.Context.ToDictionary(c => c.Variable, c => c.Value);
        var (errors, _, _) = _probe.Run(new Dictionary<string, string>(context) { [variable] = test.Invalid });
        Assert.That(errors, Has.Some.Contains(variable), $"{variable}={test.Invalid}: {string.Join(" | ", errors)}");
    }

    /// <summary>Valid and invalid values of the documented keys that have no variable.</summary>
    private static readonly Dictionary<string, (string Valid, string Invalid)> KeyCases = new()
    {
        ["HealthInterval"] = ("2m", "soon"),
        ["DiscoveryInterval"] = ("2m", "soon"),
        ["Docker:PollInterval"] = ("2m", "soon"),
        ["Docker:RetryAttempts"] = ("7", "many"),
        ["Docker:RetryDelay"] = ("2s", "soon"),
    };

    [TestCaseSource(nameof(DocumentedKeys))]
    public void KeyWithoutVariable_ValidChangesInvalidNamed(string key)
    {
        Assert.That(KeyCases, Contains.Key(key), $"{key} is documented but this test has no case for it");
        var baseline = _probe.Run(new Dictionary<string, string>());
        var set = _probe.Run(new Dictionary<string, string>(), SettingsProbe.Json(key, KeyCases[key].Valid));
        var bad = _probe.Run(new Dictionary<string, string>(), SettingsProbe.Json(key, KeyCases[key].Invalid));

        Assert.That(set.Errors, Is.Empty);
        Assert.That(set.Effective, Is.Not.EqualTo(baseline.Effective), $"{key} is accepted but changes nothing");
        Assert.That(bad.Errors, Has.Some.Contains(key));
    }

    private static string Key(string variable) =>
        LegacyVariables.Map.FirstOrDefault(m => m.Variable == variable).Key ?? throw new AssertionException($"{variable} is not read by the code");
}
