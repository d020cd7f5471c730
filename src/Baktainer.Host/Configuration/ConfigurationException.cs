using Baktainer.Abstractions;

namespace Baktainer.Host.Configuration;

/// <summary>The configuration cannot be used; the message names the key or file. Exit code 2.</summary>
internal sealed class ConfigurationException(string message) : BaktainerException(message);
