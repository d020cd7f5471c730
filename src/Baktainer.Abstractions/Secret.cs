namespace Baktainer.Abstractions;

/// <summary>
/// A credential. Its <see cref="ToString"/> never shows the value, so a secret that reaches a
/// log line, an exception message or a record's printed form is masked. Call <see cref="Reveal"/>
/// only where the value is handed to the tool that needs it (an exec environment, a 0600 file).
/// </summary>
public sealed class Secret : IEquatable<Secret>
{
    /// <summary>The text shown in place of any secret.</summary>
    public const string Mask = "********";

    private readonly string _value;

    /// <summary>Wraps a credential value.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="value"/> is null.</exception>
    public Secret(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The credential itself. Never log or print the result.</summary>
    public string Reveal() => _value;

    /// <summary>Whether the secret is the empty string.</summary>
    public bool IsEmpty => _value.Length == 0;

    /// <inheritdoc />
    public override string ToString() => Mask;

    /// <inheritdoc />
    public bool Equals(Secret? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Secret);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
