namespace Baktainer.Abstractions.Labels;

/// <summary>The outcome of <see cref="LabelCatalog.Parse"/>.</summary>
/// <param name="Settings">The parsed settings; fields with errors keep their defaults.</param>
/// <param name="Issues">Errors and warnings, in label order.</param>
public sealed record LabelParseResult(TargetSettings Settings, IReadOnlyList<LabelIssue> Issues)
{
    /// <summary>The errors only.</summary>
    public IEnumerable<LabelIssue> Errors => Issues.Where(i => i.Severity == LabelSeverity.Error);

    /// <summary>The warnings only.</summary>
    public IEnumerable<LabelIssue> Warnings => Issues.Where(i => i.Severity == LabelSeverity.Warning);

    /// <summary>Whether there is no error.</summary>
    public bool IsValid => !Errors.Any();
}
