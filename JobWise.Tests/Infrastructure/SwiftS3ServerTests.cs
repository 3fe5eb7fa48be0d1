using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using JobWise.ApiService.Storage;
using Microsoft.Extensions.Options;

namespace JobWise.Tests.Infrastructure;

public sealed class SwiftS3ServerTests(SwiftS3Server swift) : IClassFixture<SwiftS3Server>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sdk_creates_a_bucket_stores_reads_presigns_and_deletes_an_object()
    {
        using var client = swift.CreateClient();
        var bucket = NewBucketName();
        var bytes = RandomNumberGenerator.GetBytes(200_000);

        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, Cancellation);
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = "files/data.bin",
            InputStream = new MemoryStream(bytes),
            ContentType = "application/octet-stream",
            UseChunkEncoding = false,
        }, Cancellation);

        using (var response = await client.GetObjectAsync(bucket, "files/data.bin", Cancellation))
        {
            Assert.Equal(bytes, await ReadAllAsync(response.ResponseStream));
        }

        var url = await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = "files/data.bin",
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Protocol.HTTP,
        });
        using var http = new HttpClient();
        Assert.Equal(bytes, await http.GetByteArrayAsync(url, Cancellation));

        await client.DeleteObjectAsync(bucket, "files/data.bin", Cancellation);
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.GetObjectAsync(bucket, "files/data.bin", Cancellation));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task S3ObjectStorage_works_against_swift()
    {
        using var storage = CreateStorage(NewBucketName());
        var bytes = RandomNumberGenerator.GetBytes(50_000);
        const string key = "exports/resume.pdf";

        await storage.ProbeAsync(Cancellation);
        Assert.False(await storage.ExistsAsync(key, Cancellation));
        await storage.PutAsync(key, new MemoryStream(bytes), "application/pdf", Cancellation);
        Assert.True(await storage.ExistsAsync(key, Cancellation));

        await using (var stream = await storage.OpenReadAsync(key, Cancellation))
        {
            Assert.NotNull(stream);
            Assert.Equal(bytes, await ReadAllAsync(stream));
        }

        using var http = new HttpClient();
        var url = storage.CreateDownloadUrl(key, "Lebenslauf Müller.pdf", DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal("http", url.Scheme);
        using (var download = await http.GetAsync(url, Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Cancellation));
            var disposition = download.Content.Headers.ContentDisposition;
            Assert.NotNull(disposition);
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal("Lebenslauf Müller.pdf", disposition.FileNameStar);
        }

        await storage.DeleteAsync(key, Cancellation);
        Assert.False(await storage.ExistsAsync(key, Cancellation));
        Assert.Null(await storage.OpenReadAsync(key, Cancellation));
        await storage.DeleteAsync(key, Cancellation);
    }

    [Fact]
    public async Task S3ObjectStorage_fails_fast_while_the_proxy_is_stopped_and_recovers_after_restart()
    {
        using var storage = CreateStorage(NewBucketName());
        await storage.PutAsync("kept.txt", new MemoryStream("kept"u8.ToArray()), "text/plain", Cancellation);

        await swift.StopAsync();
        try
        {
            await AssertFailsQuicklyAsync(() => storage.ProbeAsync(Cancellation));
            await AssertFailsQuicklyAsync(() => storage.ExistsAsync("kept.txt", Cancellation));
            await AssertFailsQuicklyAsync(() => storage.OpenReadAsync("kept.txt", Cancellation));
            await AssertFailsQuicklyAsync(() => storage.PutAsync("new.txt", new MemoryStream([1]), "text/plain", Cancellation));
        }
        finally
        {
            await swift.StartAsync();
        }

        await storage.ProbeAsync(Cancellation);
        Assert.True(await storage.ExistsAsync("kept.txt", Cancellation));
    }

    private S3ObjectStorage CreateStorage(string bucket) => new(Options.Create(new StorageOptions
    {
        Provider = "s3",
        S3 = new S3StorageOptions
        {
            ServiceUrl = swift.ServiceUrl,
            Region = swift.Region,
            AccessKey = swift.AccessKey,
            SecretKey = swift.SecretKey,
            Bucket = bucket,
        },
    }));

    private static async Task AssertFailsQuicklyAsync(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        var task = call();
        var first = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30), Cancellation));
        Assert.True(first == task, $"Still waiting after {watch.Elapsed}.");
        await Assert.ThrowsAnyAsync<Exception>(() => task);
    }

    private static string NewBucketName() => $"jobwise-{Guid.NewGuid():N}"[..24];

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, Cancellation);
        return buffer.ToArray();
    }
}
