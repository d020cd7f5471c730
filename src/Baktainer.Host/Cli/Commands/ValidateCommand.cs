using System.CommandLine;
using Baktainer.Host.Plugins;

namespace Baktainer.Host.Cli.Commands;

/// <summary><c>baktainer validate</c>: checks configuration and plugins; exits 2 on any error.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("validate", "Check the configuration and plugins; exit 2 on any error");
        context.SetAction(command, async (result, _) =>
        {
            await using var session = context.OpenSession(result);
            var output = context.Console.Out;
            await output.WriteLineAsync($"configuration: {session.Configuration.File ?? "(no file; defaults, Baktainer__* and BT_* variables)"}");
            await output.WriteLineAsync($"plugin folder: {session.Settings.PluginDir}");
            foreach (var plugin in session.Plugins)
                await output.WriteLineAsync(plugin.State == PluginState.Loaded
                    ? $"  plugin {plugin.Id} {plugin.Version}: loaded ({string.Join(", ", plugin.Contracts)})"
                    : $"  plugin {plugin.Id}: FAILED: {plugin.Error}");
            foreach (var entry in session.Settings.Storage.Concat(session.Settings.Notifiers).Concat(session.Settings.Discovery))
                await output.WriteLineAsync($"  {entry.Key}: {entry.Name} ({entry.Type})");

            var errors = session.Errors.Concat(session.Plugins.Where(p => p.State == PluginState.Failed).Select(p => $"plugin {p.Id}: {p.Error}")).ToList();
            foreach (var error in errors) await context.Console.Error.WriteLineAsync($"error: {error}");
            await output.WriteLineAsync(errors.Count == 0 ? "valid" : $"{errors.Count} error(s)");
            return errors.Count == 0 ? ExitCodes.Success : ExitCodes.Usage;
        });
        return command;
    }
}
