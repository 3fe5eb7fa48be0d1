using System.Net;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Exports;

public sealed class S3StorageExportTests(S3ExportsApiHost host) : IClassFixture<S3ExportsApiHost>
{
    [Fact]
    public async Task Pdf_and_docx_of_every_template_download_through_presigned_links_byte_for_byte()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var s3 = host.S3.CreateClient();
        using var plain = new HttpClient();
        foreach (var template in new[] { "modern", "classic", "creative", "ats_optimized" })
        {
            foreach (var format in new[] { "pdf", "docx" })
            {
                using var response = await scenario.ExportAsync(format, template);
                var export = await response.ReadJsonAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Created, export.ToJsonString());

                var stored = await ReadStoredAsync(s3, KeyOf(scenario, export));
                Assert.Equal(stored.Length, export["file_size_bytes"]!.GetValue<long>());
                using var download = await plain.GetAsync(export["download_url"]!.GetValue<string>(), TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal(export["filename"]!.GetValue<string>(), download.Content.Headers.ContentDisposition?.FileNameStar);
                Assert.Equal(stored, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            }
        }
    }

    [Fact]
    public async Task A_tampered_or_expired_presigned_link_is_refused()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var response = await scenario.ExportAsync("docx", "modern");
        var url = (await response.ReadJsonAsync())["download_url"]!.GetValue<string>();
        using var plain = new HttpClient();
        var signatureAt = url.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length;
        var flipped = url[signatureAt] == '0' ? '1' : '0';
        using var tampered = await plain.GetAsync(url[..signatureAt] + flipped + url[(signatureAt + 1)..], TestContext.Current.CancellationToken);
        Assert.True(tampered.StatusCode == HttpStatusCode.Forbidden, $"{tampered.StatusCode}: {await tampered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");

        // A link signed by the same key, valid for one second, used after it expired.
        using var s3 = host.S3.CreateClient();
        var shortLived = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = S3ExportsApiHost.Bucket,
            Key = KeyOf(scenario, await response.ReadJsonAsync()),
            Expires = DateTime.UtcNow.AddSeconds(1),
            Protocol = Protocol.HTTP,
        });
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        using var late = await plain.GetAsync(shortLived, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
    }

    [Fact]
    public async Task Deleting_an_export_removes_the_object()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var response = await scenario.ExportAsync("pdf", "ats_optimized");
        var export = await response.ReadJsonAsync();
        using var s3 = host.S3.CreateClient();
        var key = KeyOf(scenario, export);
        Assert.NotEmpty(await ReadStoredAsync(s3, key));

        using var deleted = await scenario.User.Client.DeleteAsync($"/api/v1/exports/{export["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(S3ExportsApiHost.Bucket, key, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_orphan_sweep_lists_the_bucket_and_removes_only_objects_no_export_names()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var response = await scenario.ExportAsync("docx", "classic");
        var named = KeyOf(scenario, await response.ReadJsonAsync());
        using var s3 = host.S3.CreateClient();
        var orphan = $"exports/{scenario.User.Id:N}/{Guid.NewGuid():N}.pdf";
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3ExportsApiHost.Bucket, Key = orphan, ContentBody = "left behind", UseChunkEncoding = false },
            TestContext.Current.CancellationToken);
        // Swift rounds Last-Modified up to the next whole second.
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        Assert.True(await host.SweepOrphansAsync() >= 1);

        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(S3ExportsApiHost.Bucket, orphan, TestContext.Current.CancellationToken));
        Assert.NotEmpty(await ReadStoredAsync(s3, named));
    }

    [Fact]
    public async Task With_s3_stopped_an_export_is_503_with_retry_after_and_leaves_no_row()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        await host.S3.StopAsync();
        try
        {
            using var response = await scenario.ExportAsync("pdf", "classic");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            using var list = await scenario.User.Client.GetAsync("/api/v1/exports/files", TestContext.Current.CancellationToken);
            Assert.Equal(0, (await list.ReadPageAsync()).Total);
        }
        finally
        {
            await host.S3.StartAsync();
        }
        using var after = await scenario.ExportAsync("pdf", "classic");
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    private static string KeyOf(ExportScenario scenario, JsonNode export) => $"exports/{scenario.User.Id:N}/{Guid.Parse(export["id"]!.GetValue<string>()):N}.{export["format"]}";

    private static async Task<byte[]> ReadStoredAsync(IAmazonS3 s3, string key)
    {
        using var response = await s3.GetObjectAsync(S3ExportsApiHost.Bucket, key, TestContext.Current.CancellationToken);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, TestContext.Current.CancellationToken);
        return buffer.ToArray();
    }
}
