using Baktainer.Abstractions.Discovery;

namespace Baktainer.Abstractions.Labels;

/// <summary>
/// The rules engines apply to <c>baktainer.db.name</c> in <see cref="Engines.IBackupStrategy.Validate"/>:
/// the label schema does not know what a database is for a given engine, the strategy does.
/// </summary>
public static class DatabaseLabelRules
{
    /// <summary>
    /// A server engine's rule: a database name (letters, digits and <c>. _ - @ +</c>) is required
    /// unless <c>baktainer.db.all=true</c>. Returns the problems, naming the label.
    /// </summary>
    public static IReadOnlyList<string> DatabaseName(BackupTarget target, string engine)
    {
        var name = target.Settings.Database;
        if (string.IsNullOrEmpty(name))
            return target.Settings.AllDatabases ? [] : [$"label '{LabelSchema.Database}' is required for {engine} unless '{LabelSchema.All}=true'"];
        return LabelValues.IsName(name)
            ? []
            : [$"label '{LabelSchema.Database}' has invalid value \"{name}\"; expected a database name of letters, digits and . _ - @ + (not starting with - or .)"];
    }

    /// <summary>
    /// A file engine's rule: <c>baktainer.db.name</c> is the absolute path of the database file inside
    /// the container, without <c>..</c> or shell characters; <c>baktainer.db.all</c> does not apply.
    /// </summary>
    public static IReadOnlyList<string> AbsoluteFilePath(BackupTarget target, string engine)
    {
        var path = target.Settings.Database;
        if (string.IsNullOrEmpty(path))
            return [$"label '{LabelSchema.Database}' must hold the absolute path of the {engine} database file inside the container"];
        if (!LabelValues.IsPath(path))
            return [$"label '{LabelSchema.Database}' has invalid value \"{path}\"; expected the absolute path of the database file inside the container, without '..' or shell characters"];
        return target.Settings.AllDatabases ? [$"label '{LabelSchema.All}' does not apply to {engine}; name one database file in '{LabelSchema.Database}'"] : [];
    }
}
