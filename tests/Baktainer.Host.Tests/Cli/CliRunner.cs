using Baktainer.Host.Cli;

namespace Baktainer.Host.Tests.Cli;

/// <summary>Runs the real command line in-process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Error)> Run(Dictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BaktainerCli.RunAsync(args, new CommandConsole(output, error, IsTerminal: false), environment, workingDirectory);
        return (code, output.ToString(), error.ToString());
    }
}
