namespace Baktainer.Tests.Shared.Docker;

/// <summary>
/// A real container from the test base image, with the host's /usr and /etc mounted read-only,
/// no network, and the given labels and environment. Removed (with its volumes) on dispose.
/// </summary>
internal sealed class TestContainer : IAsyncDisposable
{
    private TestContainer(string name, string id)
    {
        Name = name;
        Id = id;
    }

    public string Name { get; }
    public string Id { get; }

    public static string UniqueName(string purpose) => $"bt-test-{purpose}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Starts a container running <paramref name="command"/> (default: sleep forever).</summary>
    public static async Task<TestContainer> StartAsync(string name, IReadOnlyDictionary<string, string>? labels = null,
        IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? extraArgs = null, params string[] command)
    {
        var args = new List<string> { "-v", "/usr:/usr:ro", "-v", "/etc:/etc:ro" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) args.AddRange(["-e", $"{key}={value}"]);
        args.AddRange(extraArgs ?? []);
        return await StartBareAsync(name, labels, args, command);
    }

    /// <summary>Starts a container without the host's /usr and /etc: only what <paramref name="dockerArgs"/> mounts.</summary>
    public static async Task<TestContainer> StartBareAsync(string name, IReadOnlyDictionary<string, string>? labels, IReadOnlyList<string> dockerArgs, params string[] command)
    {
        await TestDocker.EnsureReadyAsync();
        var args = new List<string> { "run", "-d", "--name", name, "--network", "none", "--label", "org.baktainer.test=1" };
        foreach (var (key, value) in labels ?? new Dictionary<string, string>()) args.AddRange(["--label", $"{key}={value}"]);
        args.AddRange(dockerArgs);
        args.Add(TestDocker.BaseImage);
        args.AddRange(command.Length > 0 ? command : ["sleep", "infinity"]);
        var id = await DockerCli.CheckAsync([.. args]);
        return new TestContainer(name, id);
    }

    /// <summary>Runs a command in the container with the docker CLI (test setup and checks only).</summary>
    public Task<string> ExecAsync(params string[] command) => DockerCli.CheckAsync(["exec", Name, .. command]);

    public async ValueTask DisposeAsync() => await DockerCli.RunAsync("rm", "-f", "-v", Name);
}
