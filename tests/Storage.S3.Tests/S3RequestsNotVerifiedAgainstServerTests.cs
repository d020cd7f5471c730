using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;
using Microsoft.AspNetCore.Http;
using Storage.S3.Tests.Support;

namespace Storage.S3.Tests;

/// <summary>
/// Requests s3rver cannot answer (it has no AbortMultipartUpload or ListMultipartUploads, ignores
/// object lock and accepts any secret for a known key): sent to a real local listener that records
/// them. These check what Baktainer sends, NOT how a real S3 server reacts; the names say so.
/// </summary>
[TestFixture]
public sealed class S3RequestsNotVerifiedAgainstServerTests
{
    private const string UploadId = "upload-4711";

    private static Task MultipartServer(HttpContext context)
    {
        var query = context.Request.QueryString.Value ?? "";
        if (context.Request.Method == "POST" && query.Contains("uploads"))
            return RecordingS3Endpoint.Xml(context, $"<InitiateMultipartUploadResult><Bucket>b-1</Bucket><Key>k</Key><UploadId>{UploadId}</UploadId></InitiateMultipartUploadResult>");
        if (context.Request.Method == "GET" && query.Contains("uploads"))
            return RecordingS3Endpoint.Xml(context, "<ListMultipartUploadsResult><Bucket>b-1</Bucket><IsTruncated>false</IsTruncated>" +
                "<Upload><Key>db/2020-01-01/old-1.sql.gz</Key><UploadId>old-upload</UploadId><Initiated>2020-01-01T00:00:00.000Z</Initiated></Upload>" +
                $"<Upload><Key>db/live-1.sql.gz</Key><UploadId>live-upload</UploadId><Initiated>{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}</Initiated></Upload>" +
                "</ListMultipartUploadsResult>");
        if (context.Request.Method == "DELETE") { context.Response.StatusCode = 204; return Task.CompletedTask; }
        context.Response.Headers.ETag = "\"0123456789abcdef0123456789abcdef\"";
        return Task.CompletedTask;
    }

    [Test]
    public async Task Dispose_UncommittedMultipartUpload_SendsAbortMultipartUpload_NotVerifiedAgainstS3rver()
    {
        await using var endpoint = await RecordingS3Endpoint.StartAsync(MultipartServer);
        var storage = S3Targets.Create(endpoint.Url, "b-1", new() { ["Prefix"] = "db" });
        await using (var upload = await storage.BeginUploadAsync("2026-11-22/x-1.sql.gz", CancellationToken.None))
        {
            await S3Targets.WriteInChunksAsync(upload.Content, S3Targets.RandomBytes(6 * 1024 * 1024)); // one full 5 MiB part goes out
            await endpoint.WaitForAsync(r => r.Method == "PUT" && r.Query.Contains("partNumber=1"));
        }

        var requests = endpoint.Requests.ToList();
        Assert.That(requests.Any(r => r.Method == "PUT" && r.Query.Contains("partNumber=1")), "a part was uploaded");
        Assert.That(requests.Any(r => r.Method == "POST" && r.Query.Contains("uploadId")), Is.False, "never completed");
        Assert.That(requests.Where(r => r.Method == "DELETE").Select(r => (r.Path, r.Query)),
            Does.Contain(("/b-1/db/2026-11-22/x-1.sql.gz", $"?uploadId={UploadId}")));
    }

    [Test]
    public async Task BeginUpload_LeftoverUploads_AbortsOnlyThoseOlderThanTheLimit_NotVerifiedAgainstS3rver()
    {
        await using var endpoint = await RecordingS3Endpoint.StartAsync(MultipartServer);
        var storage = S3Targets.Create(endpoint.Url, "b-1", new() { ["Prefix"] = "db", ["AbortUploadsOlderThanHours"] = "24" });
        await using (await storage.BeginUploadAsync("2026-11-22/a-1.sql.gz", CancellationToken.None)) { }
        await using (await storage.BeginUploadAsync("2026-11-22/a-2.sql.gz", CancellationToken.None)) { }

        var requests = endpoint.Requests.ToList();
        Assert.That(requests.Count(r => r.Method == "GET" && r.Query.Contains("uploads")), Is.EqualTo(1), "listed once per process");
        Assert.That(requests.Single(r => r.Method == "GET").Query, Does.Contain("prefix=db%2F"));
        Assert.That(requests.Where(r => r.Method == "DELETE").Select(r => (r.Path, r.Query)),
            Is.EqualTo(new[] { ("/b-1/db/2020-01-01/old-1.sql.gz", "?uploadId=old-upload") }));
    }

    [Test]
    public async Task Commit_ObjectLockEncryptionAndStorageClass_SentOnDataAndManifest_NotVerifiedAgainstServer()
    {
        await using var endpoint = await RecordingS3Endpoint.StartAsync(MultipartServer);
        var storage = S3Targets.Create(endpoint.Url, "b-1", new()
        {
            ["ObjectLockMode"] = "COMPLIANCE", ["ObjectLockRetainDays"] = "30", ["ServerSideEncryption"] = "aws:kms",
            ["KmsKeyId"] = "arn:aws:kms:eu-west-1:1:key/k1", ["StorageClass"] = "STANDARD_IA",
        });
        await using (var upload = await storage.BeginUploadAsync("2026-11-22/x-1.sql.gz", CancellationToken.None))
        {
            await upload.Content.WriteAsync(new byte[1000]);
            await upload.CommitAsync(S3Targets.Manifest(upload.Key, new byte[1000]), CancellationToken.None);
        }

        var puts = endpoint.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.That(puts.Select(p => p.Path), Is.EqualTo(new[] { "/b-1/2026-11-22/x-1.sql.gz", "/b-1/2026-11-22/x-1.sql.gz.json" }), "data first, manifest last");
        foreach (var put in puts)
        {
            Assert.That(put.Headers["x-amz-object-lock-mode"], Is.EqualTo("COMPLIANCE"));
            var until = DateTime.Parse(put.Headers["x-amz-object-lock-retain-until-date"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
            Assert.That(until, Is.EqualTo(DateTime.UtcNow.AddDays(30)).Within(TimeSpan.FromMinutes(5)));
            Assert.That(put.Headers["x-amz-server-side-encryption"], Is.EqualTo("aws:kms"));
            Assert.That(put.Headers["x-amz-server-side-encryption-aws-kms-key-id"], Is.EqualTo("arn:aws:kms:eu-west-1:1:key/k1"));
            Assert.That(put.Headers["x-amz-storage-class"], Is.EqualTo("STANDARD_IA"));
            Assert.That(put.Headers.ContainsKey("content-encoding") && put.Headers["content-encoding"].Contains("aws-chunked"), Is.False, "no chunked payload signing");
        }
    }

    [Test]
    public async Task Check_ServerRejectsTheSignature_SaysCredentialsRejectedWithoutTheSecret_S3rverAcceptsAnySecret()
    {
        await using var endpoint = await RecordingS3Endpoint.StartAsync(context => RecordingS3Endpoint.Xml(context,
            "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match.</Message></Error>", 403));
        var storage = S3Targets.Create(endpoint.Url, "b-1", new() { ["SecretAccessKey"] = "not-the-secret-4711" });

        var e = Assert.ThrowsAsync<BaktainerException>(() => ((IStorageCheck)storage).CheckAsync(CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("s3 storage 'offsite'").And.Contain("credentials were rejected (SignatureDoesNotMatch)").And.Not.Contain("not-the-secret-4711"));
    }
}
