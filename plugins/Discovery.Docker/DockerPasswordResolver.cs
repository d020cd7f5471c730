using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Streams;
using Baktainer.Discovery.Docker.Client;

namespace Baktainer.Discovery.Docker;

/// <summary>
/// Resolves a container's database password from <c>baktainer.db.password</c>, its
/// <c>baktainer.db.password_env</c> variable (read from inspect data) or its
/// <c>baktainer.db.password_file</c> (read inside the container, e.g. a Docker secret), so no
/// password has to be copied into a label.
/// </summary>
internal sealed class DockerPasswordResolver(DockerApiClient client, string containerId, string containerName, TargetSettings settings, ITargetShell shell)
{
    private const int MaxPasswordFileBytes = 64 * 1024;

    public async ValueTask<Secret?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (settings.Password is not null) return settings.Password;
        if (settings.PasswordEnv is { } variable) return await FromEnvironmentAsync(variable, cancellationToken).ConfigureAwait(false);
        if (settings.PasswordFile is { } file) return await FromFileAsync(file, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task<Secret> FromEnvironmentAsync(string variable, CancellationToken cancellationToken)
    {
        var inspect = await client.InspectContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
        var prefix = variable + "=";
        var entry = inspect.Config?.Env?.FirstOrDefault(e => e.StartsWith(prefix, StringComparison.Ordinal));
        if (entry is null)
            throw new BaktainerException($"container '{containerName}': label '{LabelSchema.PasswordEnv}' names {variable}, which is not set in the container's environment");
        return new Secret(entry[prefix.Length..]);
    }

    private async Task<Secret> FromFileAsync(string path, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var limited = new LimitedWriteStream(content, MaxPasswordFileBytes);
        var result = await shell.RunAsync(new ExecRequest(["cat", "--", path]), null, limited, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new BaktainerException($"container '{containerName}': cannot read the password file '{path}' (label '{LabelSchema.PasswordFile}'): {result.StderrTail.Trim()} (exit code {result.ExitCode})");
        var text = System.Text.Encoding.UTF8.GetString(content.ToArray()).TrimEnd('\r', '\n');
        if (text.Length == 0)
            throw new BaktainerException($"container '{containerName}': the password file '{path}' (label '{LabelSchema.PasswordFile}') is empty");
        return new Secret(text);
    }

    /// <summary>Refuses to hold more than a password file should ever be.</summary>
    private sealed class LimitedWriteStream(Stream inner, int limit) : WriteOnlyStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (inner.Length + buffer.Length > limit) throw new BaktainerException($"the password file is larger than {limit} bytes; is it the right file?");
            inner.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }
}
