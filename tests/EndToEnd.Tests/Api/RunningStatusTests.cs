using System.Text.Json;
using Baktainer.Abstractions.Storage;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Api;

/// <summary>
/// /status while a real backup runs: a SQLite database of ~100 MB of random data takes long enough to
/// watch; the target shows <c>running</c> with the bytes read so far, growing, then its result; a second
/// run-now meanwhile is refused (409) and runs nothing.
/// </summary>
[Category("Docker")]
public sealed class RunningStatusTests : EndToEndTest
{
    private const string Token = "running-token";

    [Test]
    public async Task Status_DuringRealBackup_RunningWithGrowingBytesThenResult()
    {
        var db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("api-running"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/big.db",
        }));
        await DatabaseContainers.SqliteAsync(db, "/data/big.db",
            "create table b(x); with recursive n(i) as (select 1 union all select i + 1 from n where i < 100) insert into b select randomblob(1048576) from n;");
        using var daemon = await ApiDaemon.StartAsync(Backups.Environment(("BT_CRON", "0 0 1 1 *"), ("BT_CATCH_UP", "false"), ("BT_COMPRESS", "false"), ("BT_API_TOKEN", Token)));
        await Eventually.HoldsAsync(async () => (await daemon.JsonAsync("/containers", Token)).GetArrayLength() == 1, TimeSpan.FromSeconds(20), "the container seen");

        var (_, posted) = await daemon.SendAsync(HttpMethod.Post, $"/targets/{db.Name}/backup", Token);
        var runId = JsonDocument.Parse(posted).RootElement.GetProperty("runId").GetString()!;
        var (again, refused) = await daemon.SendAsync(HttpMethod.Post, $"/targets/{db.Name}/backup", Token);
        Assert.That(again, Is.EqualTo(System.Net.HttpStatusCode.Conflict), refused);
        Assert.That(refused, Does.Contain($"a backup of {db.Name} is already running"));
        var seen = new List<long>();
        while ((await daemon.JsonAsync("/runs/" + runId, Token)).GetProperty("status").GetString() == "running")
        {
            var target = (await daemon.JsonAsync("/status", Token)).GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("name").GetString() == db.Name);
            if (target.TryGetProperty("running", out var running))
            {
                Assert.That(target.GetProperty("state").GetString(), Is.EqualTo("running"));
                seen.Add(running.GetProperty("bytes").GetInt64());
            }
            await Task.Delay(50);
        }

        var manifest = ManifestJson.TryParse(File.ReadAllBytes(Directory.EnumerateFiles(Backups.Path, "*.json", SearchOption.AllDirectories).Single()))!; // the refused request ran nothing
        await TestContext.Out.WriteLineAsync($"bytes seen while running: {string.Join(", ", seen)} of {manifest.RawSize}");
        Assert.That(seen.Where(b => b > 0 && b < manifest.RawSize), Is.Not.Empty, "a sample mid-way, with bytes so far");
        Assert.That(seen, Is.Ordered, "bytes so far only grow");
        var after = (await daemon.JsonAsync("/status", Token)).GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("name").GetString() == db.Name);
        Assert.That(after.TryGetProperty("running", out _), Is.False);
        Assert.That((after.GetProperty("state").GetString(), after.GetProperty("lastSuccessKey").GetString()), Is.EqualTo(("ok", manifest.Key)));
    }
}
