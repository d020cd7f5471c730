using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Compose;

/// <summary>
/// The compose examples in deploy/compose. They are validated with Debian's docker-compose
/// (`config`: schema, interpolation, references). NOT run here: `up`, because the images they
/// name (postgres, mariadb, redis, tecnativa/docker-socket-proxy, ...) cannot be pulled on these
/// machines; the image tests run Baktainer's own image the way these files do.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static IEnumerable<string> Files() => ComposeFiles.All();

    [TestCaseSource(nameof(Files))]
    public async Task Config_ComposeFile_ValidWithoutPullingImages(string file)
    {
        var (code, output, error) = await ComposeFiles.RunAsync(ComposeFiles.ExampleEnvironment(), "-f", file, "--profile", "image", "config");

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("baktainer"));
    }

    [Test]
    public async Task Config_RequiredSecretMissing_RefusedNamingIt()
    {
        var environment = ComposeFiles.ExampleEnvironment();
        environment.Remove("WEBHOOK_SECRET");

        var (code, _, error) = await ComposeFiles.RunAsync(environment, "-f", "full.yml", "config", "-q");

        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(error, Does.Contain("set WEBHOOK_SECRET"));
    }

    [Test]
    public void Variables_InEveryComposeFile_AreOnesBaktainerReads()
    {
        var known = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Baktainer.Host", "Configuration", "LegacyVariables.cs"));
        var used = Files().SelectMany(f => Variable().Matches(File.ReadAllText(Path.Combine(ComposeFiles.Folder, f))).Select(m => m.Groups[1].Value)).Distinct().ToList();

        Assert.That(used, Is.Not.Empty);
        Assert.That(used.Where(v => !known.Contains($"(\"{v}\"", StringComparison.Ordinal)), Is.Empty, "BT_* variables in deploy/compose that Baktainer does not map");
    }

    [TestCaseSource(nameof(Files))]
    public async Task Secrets_InComposeFile_NeverOnACommandLine(string file)
    {
        var secrets = ComposeFiles.ExampleEnvironment().Where(v => SecretName().IsMatch(v.Key)).Select(v => v.Value).ToList();
        var services = (await ComposeFiles.ResolvedAsync(file)).GetProperty("services").EnumerateObject().ToList();

        Assert.That(secrets, Has.Count.GreaterThan(3));
        foreach (var service in services)
            foreach (var argv in new[] { "command", "entrypoint" })
                if (service.Value.TryGetProperty(argv, out var value))
                    Assert.That(secrets.Where(value.ToString().Contains), Is.Empty, $"{file}: {service.Name} {argv} shows a secret in the process list");
    }

    [Test]
    public void LeastPrivilege_FullAndProxyFiles_NonRootReadOnlyNoNewPrivileges()
    {
        foreach (var file in new[] { "full.yml", "socket-proxy.yml" })
        {
            var baktainer = Service(File.ReadAllText(Path.Combine(ComposeFiles.Folder, file)), "baktainer");
            Assert.Multiple(() =>
            {
                Assert.That(baktainer, Does.Contain("read_only: true"), file);
                Assert.That(baktainer, Does.Contain("no-new-privileges:true"), file);
                Assert.That(baktainer, Does.Contain("- /tmp:uid=10001,gid=10001"), $"{file}: a writable /tmp for restores that stage a file");
                Assert.That(baktainer, Does.Not.Contain("user:"), $"{file}: the image's non-root user");
            });
        }
        Assert.That(Service(File.ReadAllText(Path.Combine(ComposeFiles.Folder, "full.yml")), "baktainer"), Does.Contain("group_add:"));
    }

    /// <summary>The text of one service's block (up to the next service or top-level key).</summary>
    internal static string Service(string compose, string name)
    {
        var start = compose.IndexOf($"\n  {name}:\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"service {name}");
        var next = NextBlock().Match(compose, start + name.Length + 4);
        return next.Success ? compose[start..next.Index] : compose[start..];
    }

    [GeneratedRegex("PASSWORD|SECRET|_KEY")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"\b(BT_[A-Z0-9_]+):")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\n(  [a-z][\w-]*:\n|[a-z])")]
    private static partial Regex NextBlock();
}
