using System.CommandLine;
using Baktainer.Abstractions.Labels;

namespace Baktainer.Host.Cli.Commands;

/// <summary><c>baktainer labels</c>: the label reference, generated from <see cref="LabelSchema"/>.</summary>
internal static class LabelsCommand
{
    public static Command Create(CliContext context)
    {
        var markdown = new Option<bool>("--markdown") { Description = "Print a Markdown table" };
        var command = new Command("labels", "Print the reference of every baktainer.* label") { markdown };
        context.SetAction(command, async (result, _) =>
        {
            await context.Console.Out.WriteAsync(result.GetValue(markdown) ? LabelReference.ToMarkdown() : LabelReference.ToText());
            return ExitCodes.Success;
        });
        return command;
    }
}
