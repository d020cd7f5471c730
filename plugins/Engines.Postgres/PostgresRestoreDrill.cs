using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Storage;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Engines.Postgres;

/// <summary>
/// Restore drill for pg_dump backups: loads the dump into a scratch database with ON_ERROR_STOP in
/// one transaction, counting the rows of each COPY block on the way in (the dump is the snapshot
/// the data was read in), then counts the rows of every table in the scratch database and compares.
/// </summary>
internal static class PostgresRestoreDrill
{
    private const string CountTablesSql = """
        select format('select %L || ''|'' || count(*) from %I.%I', quote_ident(n.nspname) || '.' || quote_ident(c.relname), n.nspname, c.relname)
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
        \gexec
        """;

    public static async Task<DrillReport> RunAsync(BackupTarget target, Stream rawDump, CancellationToken cancellationToken)
    {
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        var scratch = new Dictionary<string, string> { ["db"] = $"bt_drill_{Guid.NewGuid().ToString("N")[..12]}" };
        try
        {
            await PostgresSql.RunAsync(target, password, "postgres", "create database :\"db\";", scratch, cancellationToken).ConfigureAwait(false);
        }
        catch (BackupFailedException e)
        {
            var role = target.Settings.User ?? "postgres";
            return new DrillReport($"the drill could not create its scratch database: it needs the CREATEDB privilege for role '{role}' " +
                $"(ALTER ROLE {role} CREATEDB); or use baktainer.verify=checksum. {e.Message}", new Dictionary<string, long>());
        }
        try
        {
            var expected = new Dictionary<string, long>();
            string? table = null;
            var counting = new LineCountingReadStream(rawDump, line =>
            {
                if (table is null)
                {
                    if (line.StartsWith("COPY "u8)) table = CopyTable(LineCountingReadStream.Text(line));
                    if (table is not null) expected[table] = 0;
                }
                else if (line.SequenceEqual("\\."u8)) table = null;
                else expected[table]++;
            });
            var argv = new List<string> { "psql", "--no-password", "--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1" };
            argv.AddRange(PostgresSql.Connection(target));
            argv.AddRange(["--dbname", scratch["db"]]);
            var result = await target.Shell.RunAsync(new ExecRequest(argv, PostgresSql.Environment(password)), counting, Stream.Null, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
                return new DrillReport($"the dump did not restore into a scratch database: psql exit code {result.ExitCode}: {result.StderrTail.Trim()}", new Dictionary<string, long>());

            var counts = await PostgresSql.RunAsync(target, password, scratch["db"], CountTablesSql, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
            var restored = counts.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split('|')).ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
            return DrillReport.Compare(expected, restored);
        }
        finally
        {
            try
            {
                await PostgresSql.RunAsync(target, password, "postgres", "drop database if exists :\"db\" with (force);", scratch, CancellationToken.None).ConfigureAwait(false);
            }
            catch (BaktainerException)
            {
                // Reported by the next drill's leftover check; the drill's own result matters more.
            }
        }
    }

    /// <summary>"COPY public.items (id, name) FROM stdin;" → "public.items".</summary>
    private static string? CopyTable(string line)
    {
        var rest = line["COPY ".Length..];
        var end = rest.IndexOf(" (", StringComparison.Ordinal);
        if (end < 0) end = rest.IndexOf(" FROM", StringComparison.Ordinal);
        return end < 0 ? null : rest[..end];
    }
}
