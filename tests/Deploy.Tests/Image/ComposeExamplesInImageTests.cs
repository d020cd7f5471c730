using System.Text.Json;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using Deploy.Tests.Compose;

namespace Deploy.Tests.Image;

/// <summary>
/// The labels of every labelled service in deploy/compose, as docker-compose resolves them, on real
/// containers, seen by the image (every bundled plugin, the Redis pack too) through the Docker
/// socket: each must be ready, without a problem or warning, and every <c>baktainer.depends_on</c>
/// must name one of the file's targets. Compose's own container names depend on the project name,
/// so a dependency must name a <c>baktainer.name</c>. NOT run: the databases themselves (their
/// images cannot be pulled here); the containers are the test base image sleeping.
/// </summary>
[Category("Docker"), NonParallelizable]
public sealed class ComposeExamplesInImageTests
{
    private const string Socket = "/var/run/docker.sock";

    private static IEnumerable<string> Files() => ComposeFiles.All();

    [TestCaseSource(nameof(Files))]
    public async Task List_LabelledServicesOfComposeFile_ReadyAndDependenciesKnown(string file)
    {
        var image = await SharedImage.GetAsync();
        var services = (await ComposeFiles.ResolvedAsync(file)).GetProperty("services").EnumerateObject()
            .Where(s => Labels(s.Value).ContainsKey("baktainer.backup")).ToList();
        Assert.That(services, Is.Not.Empty, $"{file} has labelled services");
        await using var containers = new ContainerSet();
        var names = new Dictionary<string, string>();
        foreach (var service in services)
        {
            var container = containers.Track(await TestContainer.StartAsync(TestContainer.UniqueName($"{Path.GetFileNameWithoutExtension(file)}-{service.Name}"), Labels(service.Value)));
            names[container.Name] = service.Name;
        }

        var (code, output, error) = await image.RunAsync(["--read-only", "--group-add", HostFiles.GroupId(Socket), "-v", $"{Socket}:{Socket}"], "list", "--json");

        Assert.That(code, Is.EqualTo(0), error);
        var listed = JsonDocument.Parse(output).RootElement.EnumerateArray().Where(t => names.ContainsKey(t.GetProperty("container").GetString()!)).ToList();
        var targets = listed.Select(t => t.GetProperty("name").GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Multiple(() =>
        {
            Assert.That(listed, Has.Count.EqualTo(services.Count), output);
            foreach (var target in listed)
            {
                var service = $"{file}: service {names[target.GetProperty("container").GetString()!]}";
                Assert.That(target.GetProperty("status").GetString(), Is.EqualTo("ready"), $"{service}: {target}");
                Assert.That(target.GetProperty("problems").EnumerateArray().Select(p => p.GetString()), Is.Empty, service);
            }
            foreach (var service in services)
                foreach (var dependency in (Labels(service.Value).GetValueOrDefault("baktainer.depends_on") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    Assert.That(targets, Does.Contain(dependency), $"{file}: service {service.Name} depends on '{dependency}', which names no target of the file");
        });
    }

    private static Dictionary<string, string> Labels(JsonElement service) =>
        service.TryGetProperty("labels", out var labels)
            ? labels.EnumerateObject().ToDictionary(l => l.Name, l => l.Value.ValueKind == JsonValueKind.String ? l.Value.GetString()! : l.Value.GetRawText())
            : [];
}
