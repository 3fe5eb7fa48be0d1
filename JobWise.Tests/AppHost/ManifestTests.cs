using System.Text.Json;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.AppHost;

public sealed class ManifestTests
{
    [Fact]
    public async Task Manifest_publisher_writes_a_manifest_naming_every_service_and_backing_resource_with_only_the_api_external()
    {
        using var output = new TemporaryDirectory("manifest");
        var appHost = BuildOutput.Of("JobWise.AppHost", "JobWise.AppHost.dll");
        await using var process = new ServerProcess("dotnet",
            [appHost, "--publisher", "manifest", "--output-path", output.Path]);
        await process.WaitForExitAsync(TimeSpan.FromMinutes(2));

        var manifestPath = Path.Combine(output.Path, "aspire-manifest.json");
        Assert.True(File.Exists(manifestPath), process.Output);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(manifestPath, TestContext.Current.CancellationToken));
        var resources = manifest.RootElement.GetProperty("resources");
        foreach (var name in new[] { "api", "renderer", "web", "postgres", "jobwise", "cache", "storage" })
        {
            Assert.True(resources.TryGetProperty(name, out _), $"manifest lacks {name}");
        }
        Assert.StartsWith("project.", resources.GetProperty("api").GetProperty("type").GetString());
        // Storage is a node of its own that the API references, not settings written into the API.
        Assert.True(resources.GetProperty("storage").TryGetProperty("connectionString", out _), "storage has no connection string");
        var apiEnvironment = resources.GetProperty("api").GetProperty("env");
        Assert.Equal("{storage.connectionString}", apiEnvironment.GetProperty("ConnectionStrings__storage").GetString());
        Assert.False(apiEnvironment.TryGetProperty("Storage__S3__ServiceUrl", out _));
        // The API is the public service; the renderer is reached only by the API.
        Assert.All(resources.GetProperty("api").GetProperty("bindings").EnumerateObject(),
            binding => Assert.True(binding.Value.TryGetProperty("external", out var external) && external.GetBoolean(), $"api binding {binding.Name} is not external"));
        Assert.All(resources.GetProperty("renderer").GetProperty("bindings").EnumerateObject(),
            binding => Assert.False(binding.Value.TryGetProperty("external", out var external) && external.GetBoolean(), $"renderer binding {binding.Name} is external"));
    }
}
