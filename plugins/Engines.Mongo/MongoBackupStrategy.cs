using System.Globalization;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Storage;

namespace Baktainer.Engines.Mongo;

/// <summary>
/// MongoDB: <c>mongodump --archive</c> to stdout (one stream, never a dump directory) and
/// <c>mongorestore --archive</c> from stdin. A password goes in a YAML <c>--config</c> file created
/// with mode 0600 inside the container (written through stdin, never argv) and removed afterwards.
/// </summary>
public sealed class MongoBackupStrategy : IBackupStrategy, IBackupPlanDescriber, IDumpVerifier, IRestoreInspector
{
    private const string ConfigPlaceholder = "/tmp/baktainer-<random>.yaml";

    /// <inheritdoc />
    public string Engine => "mongodb";
    /// <inheritdoc />
    public IReadOnlyList<string> Aliases => ["mongo"];
    /// <inheritdoc />
    public string FileExtension => ".archive";

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(BackupTarget target) =>
        string.IsNullOrEmpty(target.Settings.Database) ? [] : DatabaseLabelRules.DatabaseName(target, Engine);

    /// <inheritdoc />
    public IReadOnlyList<ExecRequest> DescribeBackup(BackupTarget target) =>
        [Request("mongodump", target, target.Settings.HasPasswordSource ? ConfigPlaceholder : null, restore: false)];

    /// <inheritdoc />
    public async Task<DumpInfo> BackupAsync(BackupTarget target, Stream destination, CancellationToken cancellationToken)
    {
        var version = await ToolVersion.ReadAsync(target, "mongodump", cancellationToken).ConfigureAwait(false);
        await using var config = await MongoConfigFile.CreateAsync(target, cancellationToken).ConfigureAwait(false);
        var output = MongoArchiveCheck.Capture(destination);
        var result = await target.Shell.RunAsync(Request("mongodump", target, config?.Path, restore: false), null, output, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, "mongodump", result);
        MongoArchiveCheck.EnsureComplete(output, target.DisplayName);
        return new DumpInfo(target.Settings.AllDatabases || target.Settings.Database is null ? "*" : target.Settings.Database, version);
    }

    /// <inheritdoc />
    public async Task VerifyDumpAsync(Stream rawDump, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var check = MongoArchiveCheck.Capture(Stream.Null);
        await rawDump.CopyToAsync(check, cancellationToken).ConfigureAwait(false);
        MongoArchiveCheck.EnsureComplete(check, manifest.Key);
    }

    /// <summary>
    /// The Mongo tools cannot list collections without a shell, so this always asks for
    /// confirmation: with it, mongorestore replaces (--drop) each collection in the archive.
    /// </summary>
    public Task<IReadOnlyList<string>> ExistingDataAsync(BackupTarget target, RestoreOptions options, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(["every collection in the archive that already exists (mongorestore --drop)"]);

    /// <inheritdoc />
    public async Task RestoreAsync(BackupTarget target, Stream source, RestoreOptions options, CancellationToken cancellationToken)
    {
        await using var config = await MongoConfigFile.CreateAsync(target, cancellationToken).ConfigureAwait(false);
        var request = Request("mongorestore", target, config?.Path, restore: true);
        if (options.ReplaceExisting) request = request with { Argv = [.. request.Argv, "--drop"] };
        var result = await target.Shell.RunAsync(request, source, Stream.Null, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, "mongorestore", result);
    }

    private static ExecRequest Request(string tool, BackupTarget target, string? configPath, bool restore)
    {
        var s = target.Settings;
        var argv = new List<string> { tool, "--archive", "--quiet" };
        if (s.Host is not null) argv.Add("--host=" + s.Host);
        if (s.Port is not null) argv.Add("--port=" + s.Port.Value.ToString(CultureInfo.InvariantCulture));
        if (s.User is not null) argv.AddRange(["--username=" + s.User, "--authenticationDatabase=admin"]);
        if (configPath is not null) argv.Add("--config=" + configPath);
        if (!restore && !s.AllDatabases && s.Database is not null) argv.Add("--db=" + s.Database);
        return new ExecRequest(argv);
    }
}
