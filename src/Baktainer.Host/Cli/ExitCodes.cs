namespace Baktainer.Host.Cli;

/// <summary>The process exit codes every command uses.</summary>
internal static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Success = 0;
    /// <summary>A backup, restore or verification failed.</summary>
    public const int Failed = 1;
    /// <summary>Bad usage or configuration, or a command that is not available.</summary>
    public const int Usage = 2;
}
