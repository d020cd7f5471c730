using Baktainer.Tests.Shared;
using System.Diagnostics;
using System.Security.Cryptography;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Tests.Shared.Docker;
using Discovery.Docker.Tests.Support;

namespace Discovery.Docker.Tests;

[Category("Docker")]
public sealed class DockerExecShellTests
{
    private static TestContainer _container = null!;
    private static BackupTarget _target = null!;
    private static DockerFixture _fixture = null!;

    [OneTimeSetUp]
    public async Task StartContainer()
    {
        await TestDocker.EnsureReadyAsync();
        _fixture = new DockerFixture();
        _container = await TestContainer.StartAsync(TestContainer.UniqueName("exec"),
            new Dictionary<string, string> { ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/x.db" });
        var provider = _fixture.Provider();
        await foreach (var t in provider.DiscoverAsync(CancellationToken.None))
            if (t.DisplayName == _container.Name) _target = t;
    }

    [OneTimeTearDown]
    public async Task RemoveContainer()
    {
        await _container.DisposeAsync();
        _fixture.Dispose();
    }

    private static Task<ExecResult> Run(Stream stdout, Stream? stdin = null, CancellationToken cancellationToken = default, params string[] argv) =>
        _target.Shell.RunAsync(new ExecRequest(argv), stdin, stdout, cancellationToken);

    [Test]
    public async Task RunAsync_HundredsOfMegabytes_StreamedWithFlatMemory()
    {
        const long size = 400L * 1024 * 1024;
        var sink = new CountingStream();
        var before = Process.GetCurrentProcess().WorkingSet64;

        var result = await Run(sink, null, default, "head", "-c", size.ToString(), "/dev/zero");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(sink.Count, Is.EqualTo(size));
        var growthMb = (sink.PeakWorkingSet - before) / (1024.0 * 1024);
        TestContext.Out.WriteLine($"streamed {size / 1024 / 1024} MB; working set before {before / 1024 / 1024} MB, peak {sink.PeakWorkingSet / 1024 / 1024} MB (growth {growthMb:0.0} MB)");
        // A generous guard against buffering the output only; the figures that count come from the Bench target.
        Assert.That(growthMb, Is.LessThan(200), "memory must not grow with the output size");
    }

    [Test]
    public async Task RunAsync_FailingCommand_ExitCodeAndStderrTail()
    {
        var result = await Run(new MemoryStream(), null, default, "sh", "-c", "echo partial; echo 'FATAL: password authentication failed' >&2; exit 3");
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.StderrTail, Is.EqualTo("FATAL: password authentication failed\n"));
    }

    [Test]
    public async Task RunAsync_LargeStderr_KeepsBoundedTail()
    {
        var stdout = new MemoryStream();
        var result = await Run(stdout, null, default, "sh", "-c", "i=0; while [ $i -lt 5000 ]; do echo \"line $i of noise\" >&2; i=$((i+1)); done; echo out");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(System.Text.Encoding.UTF8.GetString(stdout.ToArray()), Is.EqualTo("out\n"));
        Assert.That(result.StderrTail.Length, Is.LessThanOrEqualTo(8192));
        Assert.That(result.StderrTail, Does.EndWith("line 4999 of noise\n"));
    }

    [Test]
    public async Task RunAsync_EnvironmentAndUser_PassedToProcess()
    {
        var stdout = new MemoryStream();
        var request = new ExecRequest(["sh", "-c", "echo \"$GREETING $(id -un)\""], new Dictionary<string, string> { ["GREETING"] = "hello" }, User: "nobody");
        var result = await _target.Shell.RunAsync(request, null, stdout, CancellationToken.None);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.StderrTail);
        Assert.That(System.Text.Encoding.UTF8.GetString(stdout.ToArray()), Is.EqualTo("hello nobody\n"));
    }

    [Test]
    public async Task RunAsync_Stdin_RoundTripsAndToolSeesEndOfInput()
    {
        var input = RandomNumberGenerator.GetBytes(20 * 1024 * 1024);
        var output = new MemoryStream();
        var result = await Run(output, new MemoryStream(input), default, "cat");
        Assert.That(result.ExitCode, Is.EqualTo(0), "cat only exits after end of input");
        Assert.That(SHA256.HashData(output.ToArray()), Is.EqualTo(SHA256.HashData(input)));

        var count = new MemoryStream();
        await Run(count, new MemoryStream(input), default, "wc", "-c");
        Assert.That(System.Text.Encoding.ASCII.GetString(count.ToArray()).Trim(), Is.EqualTo(input.Length.ToString()));
    }

    [Test]
    public async Task RunAsync_StdinSourceFails_ErrorPropagatesAndNothingHangs()
    {
        var failing = new FailingStream(1024 * 1024);
        var run = Run(new MemoryStream(), failing, default, "cat");
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.That(finished, Is.SameAs(run), "the exec must not wait forever for input that will never come");
        var e = Assert.ThrowsAsync<IOException>(async () => await run);
        Assert.That(e!.Message, Is.EqualTo("source broke on purpose"));
    }

    [Test]
    public async Task RunAsync_CancelledMidStream_StopsPromptlyAndProcessEnds()
    {
        var marker = "bt-cancel-" + Guid.NewGuid().ToString("N")[..6];
        using var cts = new CancellationTokenSource();
        var sink = new CountingStream { CancelAfter = (64L * 1024 * 1024, cts) };
        var watch = Stopwatch.StartNew();

        Assert.That(async () => await Run(sink, null, cts.Token, "sh", "-c", $"cat /dev/zero; : {marker}"), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));

        // The exec'd process notices its output is gone (SIGPIPE) once the connection is closed.
        var top = "";
        await Eventually.TryAsync(async () => !(top = await DockerCli.CheckAsync("top", _container.Name, "-eo", "pid,args")).Contains(marker), TimeSpan.FromSeconds(5));
        Assert.That(top, Does.Not.Contain(marker), "no exec left running after cancellation");
    }

    [Test]
    public async Task RunAsync_MissingProgram_NonZeroExitWithReason()
    {
        var stdout = new MemoryStream();
        var result = await Run(stdout, null, default, "pg_dump_does_not_exist");
        Assert.That(result.ExitCode, Is.EqualTo(126));
        Assert.That(result.StderrTail, Does.Contain("\"pg_dump_does_not_exist\": executable file not found"));
        Assert.That(stdout.Length, Is.EqualTo(0), "the daemon's error text is not output");
    }

    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }
        public long PeakWorkingSet { get; private set; }
        public (long Bytes, CancellationTokenSource Source)? CancelAfter { get; init; }
        private long _nextSample;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Count += buffer.Length;
            if (Count >= _nextSample)
            {
                _nextSample += 8 * 1024 * 1024;
                PeakWorkingSet = Math.Max(PeakWorkingSet, Process.GetCurrentProcess().WorkingSet64);
            }
            if (CancelAfter is { } c && Count >= c.Bytes) c.Source.Cancel();
        }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
        public override void Flush() { }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private sealed class FailingStream(int goodBytes) : Stream
    {
        private int _served;
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_served >= goodBytes) throw new IOException("source broke on purpose");
            var n = Math.Min(count, goodBytes - _served);
            _served += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
