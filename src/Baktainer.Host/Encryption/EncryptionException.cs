using Baktainer.Abstractions;

namespace Baktainer.Host.Encryption;

/// <summary>
/// An encrypted backup cannot be read: damaged, truncated, extended or reordered data, or no key
/// that opens it. Messages name the segment or the key id needed, never key material.
/// </summary>
internal sealed class EncryptionException(string message) : BaktainerException(message);
