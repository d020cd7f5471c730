using System.Collections;
using Baktainer.Host.Cli;

var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
return await BaktainerCli.RunAsync(args, CommandConsole.System(), environment, Environment.CurrentDirectory);
