using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Abstractions.Engines;

/// <summary>
/// The checks every engine applies before a dump counts: the tool exited 0, wrote something, and
/// its output ends with the engine's completion marker. Failures become a
/// <see cref="BackupFailedException"/> naming the target and holding the tool's stderr tail.
/// </summary>
public static class DumpCheck
{
    /// <summary>Throws unless <paramref name="result"/> is exit code 0.</summary>
    /// <exception cref="BackupFailedException">The tool failed; 126/127 are reported as "not found in the container".</exception>
    public static void EnsureExitedZero(BackupTarget target, string tool, ExecResult result) => EnsureExitedZero(target.DisplayName, tool, result);

    /// <summary>Throws unless <paramref name="result"/> is exit code 0; <paramref name="subject"/> names what failed.</summary>
    public static void EnsureExitedZero(string subject, string tool, ExecResult result)
    {
        if (result.Succeeded) return;
        var stderr = result.StderrTail.Trim();
        var reason = result.ExitCode is 126 or 127 && (stderr.Length == 0 || stderr.Contains("not found", StringComparison.OrdinalIgnoreCase))
            ? $"{tool} is not installed in the container (exit code {result.ExitCode}){(stderr.Length > 0 ? ": " + stderr : "")}"
            : $"{tool} failed with exit code {result.ExitCode}{(stderr.Length > 0 ? ": " + stderr : " and printed nothing on stderr")}";
        throw new BackupFailedException($"{subject}: {reason}");
    }

    /// <summary>
    /// Throws unless the captured output is non-empty and its last non-blank lines hold
    /// <paramref name="marker"/>, followed only by lines accepted by <paramref name="mayFollow"/>.
    /// </summary>
    /// <exception cref="BackupFailedException">Empty or truncated output.</exception>
    public static void EnsureEndsWithMarker(BackupTarget target, string tool, TailCaptureStream output, string marker, Func<string, bool>? mayFollow = null) =>
        EnsureEndsWithMarker(target.DisplayName, tool, output, marker, mayFollow);

    /// <summary>As above; <paramref name="subject"/> names the target or the stored backup being checked.</summary>
    public static void EnsureEndsWithMarker(string subject, string tool, TailCaptureStream output, string marker, Func<string, bool>? mayFollow = null)
    {
        if (output.BytesWritten == 0)
            throw new BackupFailedException($"{subject}: {tool} exited 0 but wrote nothing; an empty dump is not a backup");
        var lines = output.TailText().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = lines.FindLastIndex(l => l.StartsWith(marker, StringComparison.Ordinal));
        // Blank lines and bare "--" comment lines may close the dump after the marker.
        var trailing = at < 0 ? [] : lines.Skip(at + 1).Where(l => l.Trim().Length > 0 && l.Trim() != "--").ToList();
        if (at < 0 || trailing.Any(l => mayFollow is null || !mayFollow(l)))
            throw new BackupFailedException($"{subject}: {tool} output does not end with \"{marker}\" ({output.BytesWritten} bytes); the dump is incomplete");
    }
}
