using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Abstractions.Tests.Engines;

public sealed class DumpCheckTests
{
    private static TailCaptureStream Output(string text)
    {
        var capture = new TailCaptureStream(Stream.Null);
        capture.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return capture;
    }

    private const string Marker = "-- PostgreSQL database dump complete";

    [Test]
    public void EnsureEndsWithMarker_MarkerThenBlankAndBareComment_Passes() =>
        Assert.DoesNotThrow(() => DumpCheck.EnsureEndsWithMarker("db", "pg_dump", Output($"select 1;\n{Marker}\n\n--\n"), Marker));

    [Test]
    public void EnsureEndsWithMarker_Empty_FailsSayingEmpty()
    {
        var e = Assert.Throws<BackupFailedException>(() => DumpCheck.EnsureEndsWithMarker("db", "pg_dump", Output(""), Marker));
        Assert.That(e!.Message, Is.EqualTo("db: pg_dump exited 0 but wrote nothing; an empty dump is not a backup"));
    }

    [Test]
    public void EnsureEndsWithMarker_MarkerMissing_FailsIncomplete()
    {
        var e = Assert.Throws<BackupFailedException>(() => DumpCheck.EnsureEndsWithMarker("db", "pg_dump", Output("select 1;\ninsert into t values (1"), Marker));
        Assert.That(e!.Message, Does.Contain("does not end with").And.Contain("incomplete"));
    }

    [Test]
    public void EnsureEndsWithMarker_DataAfterMarker_FailsUnlessAccepted()
    {
        var text = $"{Marker}\n\\unrestrict abc123\n";
        Assert.Throws<BackupFailedException>(() => DumpCheck.EnsureEndsWithMarker("db", "pg_dump", Output(text), Marker));
        Assert.DoesNotThrow(() => DumpCheck.EnsureEndsWithMarker("db", "pg_dump", Output(text), Marker, l => l.StartsWith("\\unrestrict ", StringComparison.Ordinal)));
    }

    [Test]
    public void EnsureExitedZero_NonZero_FailsWithStderr()
    {
        var e = Assert.Throws<BackupFailedException>(() => DumpCheck.EnsureExitedZero("db", "pg_dump", new ExecResult(1, "FATAL: password authentication failed\n")));
        Assert.That(e!.Message, Is.EqualTo("db: pg_dump failed with exit code 1: FATAL: password authentication failed"));
    }

    [Test]
    public void EnsureExitedZero_127_SaysNotInstalled()
    {
        var e = Assert.Throws<BackupFailedException>(() => DumpCheck.EnsureExitedZero("db", "pg_dump", new ExecResult(127, "")));
        Assert.That(e!.Message, Does.Contain("pg_dump is not installed in the container"));
    }

    [Test]
    public void EnsureExitedZero_Zero_Passes() =>
        Assert.DoesNotThrow(() => DumpCheck.EnsureExitedZero("db", "pg_dump", new ExecResult(0, "")));
}
