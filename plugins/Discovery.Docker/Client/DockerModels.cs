namespace Baktainer.Discovery.Docker.Client;

// The parts of the Docker Engine API's JSON this plugin reads (API 1.41+).

internal sealed record VersionResponse(string? Version, string? ApiVersion, string? MinAPIVersion);

internal sealed record ContainerSummary(string Id, IReadOnlyList<string>? Names, string? Image, string? State, string? Status, Dictionary<string, string>? Labels)
{
    public string Name => Names?.FirstOrDefault()?.TrimStart('/') ?? Id[..Math.Min(12, Id.Length)];
}

internal sealed record ContainerInspect(string Id, string? Name, ContainerState? State, ContainerConfig? Config)
{
    public string DisplayName => Name?.TrimStart('/') ?? Id[..Math.Min(12, Id.Length)];
}

internal sealed record ContainerState(string? Status, bool Running, bool Restarting, bool Paused);

internal sealed record ContainerConfig(IReadOnlyList<string>? Env, Dictionary<string, string>? Labels);

internal sealed record ExecCreateRequest(
    bool AttachStdin, bool AttachStdout, bool AttachStderr, bool Tty,
    IReadOnlyList<string> Cmd, IReadOnlyList<string>? Env, string? User, string? WorkingDir);

internal sealed record IdResponse(string Id);

internal sealed record ExecInspect(string? ID, bool Running, int? ExitCode, int Pid, ExecProcessConfig? ProcessConfig);

internal sealed record ExecProcessConfig(string? Entrypoint, IReadOnlyList<string>? Arguments, string? User);

internal sealed record DockerEvent(string? Type, string? Action, DockerEventActor? Actor, long Time);

internal sealed record DockerEventActor(string? ID, Dictionary<string, string>? Attributes);

internal sealed record ErrorResponse(string? Message);
