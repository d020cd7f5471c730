namespace Baktainer.Abstractions.Labels;

/// <summary>The kind of value a label holds.</summary>
public enum LabelType
{
    /// <summary><c>true</c> or <c>false</c> (also yes/no, on/off, 1/0).</summary>
    Boolean,
    /// <summary>A whole number within a range.</summary>
    Integer,
    /// <summary>One of a fixed set of words.</summary>
    Choice,
    /// <summary>A name: letters, digits and <c>._-@+</c>, not starting with <c>-</c>.</summary>
    Name,
    /// <summary>An absolute path inside the container, without <c>..</c>.</summary>
    Path,
    /// <summary>An environment variable name.</summary>
    EnvironmentVariable,
    /// <summary>A host name or an absolute socket directory.</summary>
    Host,
    /// <summary>Free text (e.g. a password).</summary>
    Text,
    /// <summary>One or more cron expressions separated by <c>;</c>.</summary>
    CronList,
    /// <summary>A duration such as <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1h30m</c> or <c>01:30:00</c>.</summary>
    Duration,
    /// <summary>A comma-separated list of names.</summary>
    NameList,
    /// <summary>An engine name or alias provided by a loaded strategy.</summary>
    Engine,
}
