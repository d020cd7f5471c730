using Baktainer.Abstractions.Labels;

namespace Baktainer.Host.Backup;

/// <summary>The original tool's layout: <c>&lt;yyyy-MM-dd&gt;/&lt;name&gt;-&lt;unix seconds&gt;&lt;ext&gt;[.gz][.enc]</c>.</summary>
internal static class BackupKey
{
    public static string For(string backupName, DateTimeOffset startedUtc, string extension, bool compressed, bool encrypted = false) =>
        $"{startedUtc.UtcDateTime:yyyy-MM-dd}/{LabelSchema.SanitizeName(backupName)}-{startedUtc.ToUnixTimeSeconds()}{extension}{(compressed ? ".gz" : "")}{(encrypted ? ".enc" : "")}";
}
