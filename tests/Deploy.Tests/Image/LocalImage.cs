using System.Diagnostics;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace Deploy.Tests.Image;

/// <summary>
/// The container image as <c>dotnet cake --target=Image</c> builds it (deploy/image/build-local.sh,
/// no registry), from the build output the other tests use, so the test run does not publish
/// again, plus the packs under samples/ as the Publish target adds them. Built once (see
/// <see cref="SharedImage"/>) under a unique tag and removed afterwards. With
/// <c>DEPLOY_TESTS_APP_FOLDER=artifacts/publish</c> (after <c>dotnet cake --target=Publish</c>) it is
/// built from that folder instead, exactly as the Image target builds it (ReadyToRun, packs installed).
/// </summary>
internal sealed class LocalImage : IAsyncDisposable
{
    private LocalImage(string tag) => Tag = tag;

    /// <summary>Names an app folder (host + plugins/) to build the image from instead of the build output.</summary>
    public const string AppFolderVariable = "DEPLOY_TESTS_APP_FOLDER";

    public string Tag { get; }

    public static async Task<LocalImage> BuildAsync()
    {
        await TestDocker.EnsureReadyAsync();
        using var work = new TempFolder("bt-image-packs");
        var published = Environment.GetEnvironmentVariable(AppFolderVariable) is { Length: > 0 } folder ? Path.GetFullPath(folder, RepoPaths.Root) : null;
        var packages = published is null ? await SamplePacks.PackAllAsync(work.Path) : [];
        var tag = $"baktainer-test/image:{Guid.NewGuid().ToString("N")[..8]}";
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(RepoPaths.Root, "deploy", "image", "build-local.sh"), published ?? RepoPaths.HostFolder, tag }.Concat(packages))
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await TestContext.Progress.WriteLineAsync($"build-local.sh: {await output}{await error}");
        if (process.ExitCode != 0) Assert.Fail($"deploy/image/build-local.sh failed ({process.ExitCode}): {await error}");
        return new LocalImage(tag);
    }

    /// <summary><c>docker run --rm --network none [dockerArgs] image [command]</c>, its output logged.</summary>
    public async Task<(int Code, string Out, string Error)> RunAsync(IReadOnlyList<string> dockerArgs, params string[] command)
    {
        var name = TestContainer.UniqueName("image");
        try
        {
            var result = await DockerCli.RunAsync(["run", "--rm", "--name", name, "--network", "none", .. dockerArgs, Tag, .. command]);
            await TestContext.Out.WriteLineAsync($"docker run {Tag} {string.Join(' ', command)} -> {result.Code}\n{result.Out}{result.Error}");
            return result;
        }
        finally
        {
            await DockerCli.RunAsync("rm", "-f", name);
        }
    }

    /// <summary>Starts a detached container of the image; the caller removes it.</summary>
    public async Task<TrackedContainer> StartAsync(IReadOnlyList<string> dockerArgs, params string[] command)
    {
        var name = TestContainer.UniqueName("image-run");
        await DockerCli.CheckAsync(["run", "-d", "--name", name, "--network", "none", .. dockerArgs, Tag, .. command]);
        return new TrackedContainer(name);
    }

    public async ValueTask DisposeAsync() => await DockerCli.RunAsync("rmi", "-f", Tag);

    /// <summary>A container of the image, removed on dispose.</summary>
    internal sealed record TrackedContainer(string Name) : IAsyncDisposable
    {
        public async Task<string> HealthAsync() =>
            await DockerCli.CheckAsync("inspect", "-f", "{{if .State.Health}}{{.State.Health.Status}}{{end}}", Name);

        public async ValueTask DisposeAsync() => await DockerCli.RunAsync("rm", "-f", Name);
    }
}
