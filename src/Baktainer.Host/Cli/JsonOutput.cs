using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Baktainer.Host.Cli;

/// <summary>Shared output settings: JSON for <c>--json</c>, a Spectre console for tables.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IAnsiConsole Console(CommandConsole console)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
        Out = new AnsiConsoleOutput(console.Out),
        Ansi = console.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = console.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = console.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Redirected output has no width: do not wrap values (paths, errors) at 80 columns.
        if (!console.IsTerminal) ansi.Profile.Width = 240;
        return ansi;
    }
}
