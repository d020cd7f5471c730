namespace Baktainer.Tests.Shared.Docker;

/// <summary>
/// Real database servers in containers from the test base image, with Debian's server binaries
/// bind-mounted from this machine (see ../shared/TESTING.md). Each waits until it accepts queries.
/// </summary>
internal static class DatabaseContainers
{
    public const string PostgresSocketDir = "/tmp";

    public static async Task<TestContainer> StartPostgresAsync(string name, string password, IReadOnlyDictionary<string, string>? labels = null)
    {
        const string script =
            "chmod 1777 /tmp && chown postgres:postgres /var/lib/pgdata && exec setpriv --reuid=postgres --regid=postgres --init-groups sh -c '" +
            "[ -f /var/lib/pgdata/PG_VERSION ] || { printf %s \"$POSTGRES_PASSWORD\" > /tmp/.pw && /usr/lib/postgresql/15/bin/initdb -D /var/lib/pgdata -U postgres --auth=scram-sha-256 --pwfile=/tmp/.pw >/dev/null && rm /tmp/.pw; }; " +
            "exec /usr/lib/postgresql/15/bin/postgres -D /var/lib/pgdata -k /tmp -c listen_addresses=\"\"'";
        var container = await TestContainer.StartAsync(name, labels, new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = password, ["PGHOST"] = PostgresSocketDir },
            ["-v", "/var/lib/pgdata"], "sh", "-c", script);
        await WaitUntilAsync(container, () => PsqlAsync(container, password, "postgres", "select 1"));
        return container;
    }

    public static async Task<TestContainer> StartMariaDbAsync(string name, IReadOnlyDictionary<string, string>? labels = null)
    {
        const string script =
            "chmod 1777 /tmp && mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld /var/lib/mysql && " +
            "{ [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql --datadir=/var/lib/mysql --skip-test-db >/dev/null; } && " +
            "exec mariadbd --user=mysql --datadir=/var/lib/mysql --socket=/run/mysqld/mysqld.sock --skip-networking";
        var container = await TestContainer.StartAsync(name, labels, null, ["-v", "/var/lib/mysql", "--tmpfs", "/run/mysqld"], "sh", "-c", script);
        await WaitUntilAsync(container, () => MariaAsync(container, "select 1"));
        return container;
    }

    /// <summary>Debian's redis-server with <c>requirepass</c> from REDIS_PASSWORD (in a config file, not argv), data in a volume at /data, no persistence of its own.</summary>
    public static async Task<TestContainer> StartRedisAsync(string name, string password, IReadOnlyDictionary<string, string>? labels = null,
        IReadOnlyDictionary<string, string>? moreEnvironment = null)
    {
        var environment = new Dictionary<string, string>(moreEnvironment ?? new Dictionary<string, string>()) { ["REDIS_PASSWORD"] = password };
        var container = await TestContainer.StartAsync(name, labels, environment, ["-v", "/data"],
            "sh", "-c", "chmod 1777 /tmp && printf 'requirepass %s\\n' \"$REDIS_PASSWORD\" > /tmp/redis.conf && exec redis-server /tmp/redis.conf --dir /data --bind 127.0.0.1 --save '' --appendonly no");
        await WaitUntilAsync(container, async () =>
        {
            if (await RedisCliAsync(container, password, "PING") != "PONG") throw new InvalidOperationException("redis-server does not answer PING yet");
        });
        return container;
    }

    /// <summary>redis-cli in the container, the password in the exec's environment; its trimmed output.</summary>
    public static async Task<string> RedisCliAsync(TestContainer c, string password, params string[] args) =>
        (await DockerCli.RunAsync(["exec", "-e", "REDISCLI_AUTH=" + password, c.Name, "redis-cli", .. args])).Out.Trim();

    public static Task<TestContainer> StartSqliteAsync(string name, IReadOnlyDictionary<string, string>? labels = null) =>
        TestContainer.StartAsync(name, labels, null, ["-v", "/data"], "sh", "-c", "chmod 1777 /tmp && exec sleep infinity");

    /// <summary>Runs SQL with psql (unaligned, tuples only) and returns its output.</summary>
    public static Task<string> PsqlAsync(TestContainer c, string password, string database, string sql) =>
        DockerCli.CheckAsync("exec", "-e", "PGPASSWORD=" + password, c.Name, "psql", "-h", PostgresSocketDir, "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-Atq", "-c", sql);

    /// <summary>Runs SQL as MariaDB's root (socket authentication) and returns its output.</summary>
    public static Task<string> MariaAsync(TestContainer c, string sql, string? database = null) =>
        DockerCli.CheckAsync(["exec", c.Name, "mariadb", "-N", "-B", .. database is null ? Array.Empty<string>() : [database], "-e", sql]);

    public static Task<string> SqliteAsync(TestContainer c, string file, string sql) =>
        DockerCli.CheckAsync("exec", c.Name, "sqlite3", file, sql);

    private static async Task WaitUntilAsync(TestContainer container, Func<Task> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await probe();
                return;
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
            catch (InvalidOperationException e)
            {
                var logs = await DockerCli.RunAsync("logs", container.Name);
                throw new InvalidOperationException($"{container.Name} did not become ready: {e.Message}\n{logs.Out}{logs.Error}");
            }
        }
    }
}
