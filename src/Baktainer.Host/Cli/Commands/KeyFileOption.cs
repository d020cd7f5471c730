using System.CommandLine;

namespace Baktainer.Host.Cli.Commands;

/// <summary><c>--key-file</c>, shared by the commands that read encrypted backups.</summary>
internal static class KeyFileOption
{
    public static Option<string[]> Create() => new("--key-file")
    {
        Description = "A file holding a decryption key: a P-256 private key (PEM) or a 256-bit key (repeatable)",
    };
}
