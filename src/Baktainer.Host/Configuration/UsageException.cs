using Baktainer.Abstractions;

namespace Baktainer.Host.Configuration;

/// <summary>The command line asks for something that does not exist or makes no sense; the message says what would be valid. Exit code 2.</summary>
internal sealed class UsageException(string message) : BaktainerException(message);
