namespace Baktainer.Abstractions.Labels;

/// <summary>How serious a label problem is.</summary>
public enum LabelSeverity
{
    /// <summary>The target still runs; the user should fix it.</summary>
    Warning,
    /// <summary>The target is not backed up until it is fixed.</summary>
    Error,
}

/// <summary>A problem with one label.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Label">The label concerned.</param>
/// <param name="Message">The full message: names the label, the value (masked when secret) and what would be valid.</param>
public sealed record LabelIssue(LabelSeverity Severity, string Label, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Message}";
}
