using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Baktainer.Abstractions;

namespace Baktainer.Storage.S3;

/// <summary>Turns SDK and network exceptions into messages that name the storage entry, the bucket and what went wrong.</summary>
internal static class S3Errors
{
    public static BaktainerException Explain(Exception e, string storage, S3StorageOptions options, string action)
    {
        var where = $"s3 storage '{storage}' ({options.Describe})";
        var s3 = Find<AmazonS3Exception>(e);
        var reason = s3 switch
        {
            { ErrorCode: "NoSuchBucket" } => $"bucket '{options.Bucket}' does not exist",
            { ErrorCode: "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "InvalidToken" or "ExpiredToken" or "AuthorizationHeaderMalformed" } =>
                $"the credentials were rejected ({s3.ErrorCode}); check AccessKeyId/SecretAccessKey (BT_S3_ACCESS_KEY_ID/BT_S3_SECRET_ACCESS_KEY)",
            { StatusCode: HttpStatusCode.Forbidden } => $"access denied ({s3.ErrorCode}); the credentials lack permission for this bucket or prefix",
            not null => $"{s3.ErrorCode ?? ((int)s3.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}: {s3.Message}",
            null when Find<HttpRequestException>(e) is { } http => $"endpoint unreachable ({Innermost(http).Message})",
            null when Find<SocketException>(e) is { } socket => $"endpoint unreachable ({socket.Message})",
            null when Find<TimeoutException>(e) is not null || e is TaskCanceledException => "the endpoint did not answer in time",
            null when e is AmazonClientException client && client.Message.Contains("credential", StringComparison.OrdinalIgnoreCase) =>
                "no AWS credentials found: set AccessKeyId/SecretAccessKey (or BT_S3_ACCESS_KEY_ID/BT_S3_SECRET_ACCESS_KEY), AWS_* variables, a shared profile or an instance role",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        var transient = s3 is null || (int)s3.StatusCode >= 500;
        return new BaktainerException($"{where}: {reason} (while {action})", e) { IsTransient = transient };
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
            if (current is T match) return match;
        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
