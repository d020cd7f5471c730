using System.Diagnostics;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Restore;

[Category("Docker")]
public sealed class LargeRestoreMemoryTests
{
    private const string Password = "large-Secret-9";

    [Test]
    public async Task Restore_Over300MegabyteDump_PeakMemoryFarBelowDumpSize()
    {
        await using var db = await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName("large"), Password, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "big", ["baktainer.db.password_env"] = "POSTGRES_PASSWORD",
        });
        await DatabaseContainers.PsqlAsync(db, Password, "postgres", "create database big");
        await DatabaseContainers.PsqlAsync(db, Password, "big",
            "create table t as select g::bigint as id, md5(g::text) || md5((g * 7)::text) as a, md5((g * 13)::text) as b from generate_series(1, 3300000) g");
        const string checksum = "select count(*) || ':' || sum(length(a) + length(b)) || ':' || md5(string_agg(a, '' order by id) filter (where id % 1000 = 0)) from t";
        var expected = await DatabaseContainers.PsqlAsync(db, Password, "big", checksum);
        using var backups = new BackupFolder();
        Assert.That((await BaktainerProcess.RunAsync(backups.Environment(), "backup", "--target", db.Name)).Code, Is.EqualTo(0));
        var (_, manifest) = backups.SingleBackup();
        Assert.That(manifest.RawSize, Is.GreaterThan(300L * 1024 * 1024));
        await DatabaseContainers.PsqlAsync(db, Password, "big", "truncate t");

        var (code, peakKb, output) = await RunMeasured(backups.Environment(), "restore", "latest", "--target", db.Name, "--yes");

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(await DatabaseContainers.PsqlAsync(db, Password, "big", checksum), Is.EqualTo(expected));
        var peakMb = peakKb / 1024.0;
        TestContext.Out.WriteLine($"restore of {manifest.RawSize / 1024 / 1024} MB dump ({manifest.StoredSize / 1024 / 1024} MB stored): peak RSS {peakMb:0} MB");
        // A generous guard against gross regressions (buffering the 330 MB dump) only; the figures that count come from the Bench target.
        Assert.That(peakMb, Is.LessThan(300), "memory must not grow with the dump (it is streamed, never buffered)");
    }

    /// <summary>Runs baktainer under /usr/bin/time to read its peak resident set size.</summary>
    private static async Task<(int Code, long PeakKb, string Output)> RunMeasured(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var report = Path.GetTempFileName();
        var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-f", "%M", "-o", report, RepoPaths.HostExecutable }.Concat(args)) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await ProcessWait.ExitAsync(process, "baktainer " + string.Join(' ', args), TimeSpan.FromMinutes(10));
        var peak = long.Parse(File.ReadAllText(report).Trim().Split('\n').Last());
        File.Delete(report);
        return (process.ExitCode, peak, await output + await error);
    }
}
