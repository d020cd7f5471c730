using System.CommandLine;
using Baktainer.Host.Hosting;

namespace Baktainer.Host.Cli;

/// <summary>Options every command accepts.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Config { get; } = new("--config", "-c") { Description = "The JSON configuration file (default: ./baktainer.json when present)", Recursive = true };
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log debug detail", Recursive = true };
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Errors only: no warnings, no progress display", Recursive = true };
    public Option<string> LogFormat { get; } = new("--log-format")
    {
        Description = "Log format: text or json",
        Recursive = true,
        DefaultValueFactory = _ => "text",
    };

    public GlobalOptions() => LogFormat.AcceptOnlyFromAmong("text", "json");

    public void AddTo(RootCommand root)
    {
        root.Add(Config);
        root.Add(Verbose);
        root.Add(Quiet);
        root.Add(LogFormat);
    }

    public HostStartOptions Read(ParseResult result) => new(
        result.GetValue(Config),
        result.GetValue(Verbose),
        result.GetValue(Quiet),
        result.GetValue(LogFormat) ?? "text");
}
