using Baktainer.Abstractions.Labels;

namespace Baktainer.Host.Backup;

/// <summary>The original tool's layout: <c>&lt;yyyy-MM-dd&gt;/&lt;name&gt;-&lt;unix seconds&gt;&lt;ext&gt;[codec extension: .gz, .zst][.enc]</c>.</summary>
internal static class BackupKey
{
    public static string For(string backupName, DateTimeOffset startedUtc, string extension, string codecExtension, bool encrypted = false) =>
        $"{startedUtc.UtcDateTime:yyyy-MM-dd}/{LabelSchema.SanitizeName(backupName)}-{startedUtc.ToUnixTimeSeconds()}{extension}{codecExtension}{(encrypted ? ".enc" : "")}";
}
