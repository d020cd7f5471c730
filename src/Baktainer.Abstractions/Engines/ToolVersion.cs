using Baktainer.Abstractions.Discovery;

namespace Baktainer.Abstractions.Engines;

/// <summary>Asks a tool for its version inside the target; also proves the tool is installed.</summary>
public static class ToolVersion
{
    /// <summary>Runs <c>&lt;tool&gt; --version</c> and returns its first line.</summary>
    /// <exception cref="BackupFailedException">The tool is missing or fails.</exception>
    public static async Task<string> ReadAsync(BackupTarget target, string tool, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        var result = await target.Shell.RunAsync(new ExecRequest([tool, "--version"]), null, output, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, tool, result);
        return System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n')[0].Trim();
    }

    /// <summary>Like <see cref="ReadAsync"/> but returns null instead of throwing when the tool is missing.</summary>
    public static async Task<string?> TryReadAsync(BackupTarget target, string tool, CancellationToken cancellationToken)
    {
        try { return await ReadAsync(target, tool, cancellationToken).ConfigureAwait(false); }
        catch (BackupFailedException) { return null; }
    }
}
