using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Hosting;

/// <summary>How one run of the host starts: where its configuration is and how it logs.</summary>
/// <param name="ConfigPath">The <c>--config</c> file, or null for <c>baktainer.json</c> when present.</param>
/// <param name="Verbose">Log debug detail (and exception stacks).</param>
/// <param name="Quiet">Log errors only.</param>
/// <param name="LogFormat"><c>text</c> or <c>json</c>.</param>
internal sealed record HostStartOptions(string? ConfigPath, bool Verbose, bool Quiet, string LogFormat)
{
    /// <summary>The minimum level: the command line wins over the configured level.</summary>
    public LogLevel MinimumLevel(LogLevel configured) => Verbose ? LogLevel.Debug : Quiet ? LogLevel.Error : configured;
}
