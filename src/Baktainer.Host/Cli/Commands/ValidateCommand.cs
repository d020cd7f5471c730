using System.CommandLine;
using Baktainer.Host.Components;
using Baktainer.Host.Configuration;
using Baktainer.Host.Hosting;
using Baktainer.Host.Plugins;

namespace Baktainer.Host.Cli.Commands;

/// <summary><c>baktainer validate</c>: checks configuration and plugins; exits 2 on any error.</summary>
internal sealed class ValidateCommand(ConfigurationReport report, BaktainerSettings settings, PluginCatalog plugins, PluginOfferings offerings, ComponentRegistry components, CommandConsole console)
{
    public static Command Create(CliContext context)
    {
        var offline = new Option<bool>("--offline") { Description = "Skip reachability checks (the Docker daemon and other discovery endpoints)" };
        var command = new Command("validate", "Check the configuration, plugins and every configured component; exit 2 on any error") { offline };
        context.SetAction<ValidateCommand>(command, (self, result, cancellationToken) => self.RunAsync(result.GetValue(offline), cancellationToken), requireValidConfiguration: false);
        return command;
    }

    private async Task<int> RunAsync(bool offline, CancellationToken cancellationToken)
    {
        var output = console.Out;
        await output.WriteLineAsync($"configuration: {report.Configuration.File ?? "(no file; defaults, Baktainer__* and BT_* variables)"}");
        await output.WriteLineAsync($"plugin folder: {settings.PluginDir}{(settings.PluginExtraDir is { } extra ? $" (and {extra})" : "")}");
        foreach (var plugin in plugins.All)
            await output.WriteLineAsync(plugin.State == PluginState.Loaded
                ? $"  plugin {plugin.Id} {plugin.Version}: loaded ({string.Join(", ", offerings.For(plugin))})"
                : $"  plugin {plugin.Id}: FAILED: {plugin.Error}");
        foreach (var entry in settings.Storage.Concat(settings.Notifiers).Concat(settings.Discovery))
            await output.WriteLineAsync($"  {entry.Key}: {entry.Name} ({entry.Type})");

        var errors = report.Errors.Concat(plugins.All.Where(p => p.State == PluginState.Failed).Select(p => $"plugin {p.Id}: {p.Error}")).ToList();
        if (report.Errors.Count == 0)
        {
            errors.AddRange(await StorageChecks.RunAsync(components, cancellationToken)); // reachable, credentials, bucket
            errors.AddRange(await new ValidateProbes(components).RunAsync(offline, cancellationToken)); // writable now, notifiers built, discovery answers
        }
        foreach (var error in errors) await console.Error.WriteLineAsync($"error: {error}");
        await output.WriteLineAsync(errors.Count == 0 ? "valid" : $"{errors.Count} error(s)");
        return errors.Count == 0 ? ExitCodes.Success : ExitCodes.Usage;
    }
}
