using System.CommandLine;
using System.Text.Json;
using Baktainer.Host.Plugins;
using Spectre.Console;

namespace Baktainer.Host.Cli.Commands;

/// <summary><c>baktainer plugins list|install</c>.</summary>
internal static class PluginsCommand
{
    public static Command Create(CliContext context) => new("plugins", "List and install plugins")
    {
        List(context),
        Install(context),
    };

    private static Command List(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "Show each plugin: id, version, folder, state and the contracts it provides") { json };
        context.SetAction(command, async (result, _) =>
        {
            await using var session = context.OpenSession(result);
            if (result.GetValue(json))
            {
                await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(session.Plugins, JsonOutput.Options));
                return ExitCodes.Success;
            }
            var table = new Table().AddColumns("Id", "Version", "Folder", "State", "Provides");
            foreach (var p in session.Plugins)
                table.AddRow(Markup.Escape(p.Id), Markup.Escape(p.Version ?? "?"), Markup.Escape(p.Folder),
                    p.State == PluginState.Loaded ? "loaded" : Markup.Escape($"failed: {p.Error}"), Markup.Escape(string.Join("\n", p.Contracts)));
            JsonOutput.Console(context.Console).Write(table);
            if (session.Plugins.Count == 0) await context.Console.Out.WriteLineAsync($"no plugins in {session.Settings.PluginDir}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Install(CliContext context)
    {
        var package = new Argument<string>("package") { Description = "A .nupkg file, or a package id with --source" };
        var source = new Option<string?>("--source", "-s") { Description = "A folder holding .nupkg files (a local feed)" };
        var version = new Option<string?>("--version") { Description = "The version to install from --source (default: the highest)" };
        var command = new Command("install", "Install a plugin package into the plugin folder") { package, source, version };
        context.SetAction(command, async (result, _) =>
        {
            await using var session = context.OpenSession(result);
            var installer = new PluginInstaller(session.Settings.PluginDir);
            var name = result.GetValue(package)!;
            var (manifest, folder) = result.GetValue(source) is { } feed
                ? installer.InstallFromSource(name, Path.GetFullPath(feed, context.WorkingDirectory), result.GetValue(version))
                : installer.InstallFile(Path.GetFullPath(name, context.WorkingDirectory));
            await context.Console.Out.WriteLineAsync($"installed plugin {manifest.Id} {manifest.Version} into {folder}");
            return ExitCodes.Success;
        });
        return command;
    }
}
