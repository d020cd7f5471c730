using System.CommandLine;

namespace Baktainer.Host.Cli;

/// <summary>"did you mean" for a misspelt command: the closest command name within two edits (<see cref="Configuration.Closest"/>).</summary>
internal static class CommandSuggestion
{
    /// <returns>A hint such as <c>did you mean 'backup'?</c>, or null when the first word is a command or nothing is close.</returns>
    public static string? For(ParseResult result, IReadOnlyList<string> args)
    {
        var word = args.FirstOrDefault(a => !a.StartsWith('-'));
        var names = result.RootCommandResult.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        // Only when the parser itself could not place the word (not an option's value such as --log-format xml).
        if (word is null || names.Contains(word) || result.CommandResult.Command is not RootCommand
            || !result.Errors.Any(e => e.Message.Contains($"'{word}'", StringComparison.Ordinal))) return null;
        var closest = names.Select(n => (Name: n, Distance: Configuration.Closest.Distance(word.ToLowerInvariant(), n))).MinBy(x => x.Distance);
        return closest.Distance <= 2 || closest.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase) && word.Length >= 3
            ? $"unknown command '{word}'; did you mean '{closest.Name}'?"
            : $"unknown command '{word}'; commands: {string.Join(", ", names)}";
    }
}
