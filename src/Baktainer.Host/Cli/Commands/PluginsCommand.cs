using System.CommandLine;
using System.Text.Json;
using Baktainer.Host.Configuration;
using Baktainer.Host.Plugins;
using Spectre.Console;

namespace Baktainer.Host.Cli.Commands;

/// <summary><c>baktainer plugins list|install|remove</c>.</summary>
internal sealed class PluginsCommand(PluginCatalog plugins, PluginOfferings offerings, BaktainerSettings settings, CommandConsole console, CliContext context)
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var list = new Command("list", "Show each plugin: id, version, folder, state and the contracts it provides") { json };
        context.SetAction<PluginsCommand>(list, (self, result, _) => self.ListAsync(result.GetValue(json)), requireValidConfiguration: false);

        var package = new Argument<string>("package") { Description = "A .nupkg file, or a package id with --source" };
        var source = new Option<string?>("--source", "-s") { Description = "A folder holding .nupkg files (a local feed)" };
        var version = new Option<string?>("--version") { Description = "The version to install from --source (default: the highest)" };
        var install = new Command("install", "Install a plugin package into the plugin folder (BT_PLUGIN_EXTRA_DIR when set, else BT_PLUGIN_DIR)") { package, source, version };
        context.SetAction<PluginsCommand>(install, (self, result, _) =>
            self.InstallAsync(result.GetValue(package)!, result.GetValue(source), result.GetValue(version)), requireValidConfiguration: false,
            usageError: result => result.GetValue(source) is null && IsPackageId(result.GetValue(package)!, context.WorkingDirectory)
                ? $"'{result.GetValue(package)}' is a package id, which needs --source <folder> (a folder holding .nupkg files); or give the path of a .nupkg file"
                : null);

        var id = new Argument<string>("id") { Description = "The plugin id (as 'plugins list' shows it)" };
        var remove = new Command("remove", "Remove an installed plugin from the plugin folder") { id };
        context.SetAction<PluginsCommand>(remove, (self, result, _) => self.RemoveAsync(result.GetValue(id)!), requireValidConfiguration: false);

        return new Command("plugins", "List, install and remove plugins") { list, install, remove };
    }

    /// <summary>Not a .nupkg path and no such file: the user named a package by id.</summary>
    private static bool IsPackageId(string name, string workingDirectory) =>
        !name.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase) && !File.Exists(Path.GetFullPath(name, workingDirectory));

    private async Task<int> RemoveAsync(string id)
    {
        var folder = new PluginInstaller(settings.PluginExtraDir ?? settings.PluginDir).Remove(id, plugins.All);
        await console.Out.WriteLineAsync($"removed plugin {id} ({folder})");
        return ExitCodes.Success;
    }

    private async Task<int> ListAsync(bool json)
    {
        if (json)
        {
            var rows = plugins.All.Select(p => new { p.Id, p.Version, p.Folder, p.State, p.Error, p.Contracts, Provides = offerings.For(p) });
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(rows, JsonOutput.Options));
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("Id", "Version", "Folder", "State", "Provides");
        foreach (var p in plugins.All)
            table.AddRow(Markup.Escape(p.Id), Markup.Escape(p.Version ?? "?"), Markup.Escape(p.Folder),
                p.State == PluginState.Loaded ? "loaded" : Markup.Escape($"failed: {p.Error}"), Markup.Escape(string.Join("\n", offerings.For(p))));
        JsonOutput.Console(console).Write(table);
        if (plugins.All.Count == 0) await console.Out.WriteLineAsync($"no plugins in {settings.PluginDir}");
        return ExitCodes.Success;
    }

    private async Task<int> InstallAsync(string name, string? source, string? version)
    {
        var installer = new PluginInstaller(settings.PluginExtraDir ?? settings.PluginDir);
        var (manifest, folder) = source is not null
            ? installer.InstallFromSource(name, Path.GetFullPath(source, context.WorkingDirectory), version)
            : installer.InstallFile(Path.GetFullPath(name, context.WorkingDirectory));
        await console.Out.WriteLineAsync($"installed plugin {manifest.Id} {manifest.Version} into {folder}");
        return ExitCodes.Success;
    }
}
