using Baktainer.Abstractions.Storage;

namespace Baktainer.Abstractions.Tests.Storage;

public sealed class BackupKeySuffixTests
{
    [TestCase("2026-11-22/db-1763769600.sql.gz", 2, "2026-11-22/db-1763769600-2.sql.gz")]
    [TestCase("2026-11-22/my.app-1763769600.sqlite", 3, "2026-11-22/my.app-1763769600-3.sqlite")]
    [TestCase("2026-11-22/db-1763769600", 2, "2026-11-22/db-1763769600-2")]
    [TestCase("2026-11-22/db-1763769600.sql.gz.enc", 12, "2026-11-22/db-1763769600-12.sql.gz.enc")]
    [TestCase("2026-11-22/db-1763769600.sql.gz", 1, "2026-11-22/db-1763769600.sql.gz")]
    public void Add_Number_AfterTheSecondsBeforeTheExtensions(string key, int number, string expected) =>
        Assert.That(BackupKeySuffix.Add(key, number), Is.EqualTo(expected));
}
