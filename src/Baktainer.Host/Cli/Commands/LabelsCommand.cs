using System.CommandLine;
using Baktainer.Abstractions.Labels;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer labels</c>: the label reference, generated from the <see cref="LabelCatalog"/> of
/// this run: the built-in labels, the loaded engines and the labels plugins declare.
/// </summary>
internal sealed class LabelsCommand(LabelCatalog catalog, CommandConsole console)
{
    public static Command Create(CliContext context)
    {
        var markdown = new Option<bool>("--markdown") { Description = "Print a Markdown table" };
        var command = new Command("labels", "Print the reference of every baktainer.* label, including those of loaded plugins") { markdown };
        context.SetAction<LabelsCommand>(command, (self, result, _) => self.RunAsync(result.GetValue(markdown)), requireValidConfiguration: false);
        return command;
    }

    private async Task<int> RunAsync(bool markdown)
    {
        await console.Out.WriteAsync(markdown ? LabelReference.ToMarkdown(catalog) : LabelReference.ToText(catalog));
        return ExitCodes.Success;
    }
}
