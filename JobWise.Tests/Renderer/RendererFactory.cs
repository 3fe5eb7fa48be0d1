using System.Net.Http.Json;
using System.Text.Json;
using JobWise.Contracts;
using JobWise.Renderer;
using JobWise.Renderer.Browser;
using JobWise.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JobWise.Tests.Renderer;

/// <summary>The renderer hosted in-process with its real Chromium; one per test class, settings chosen by the class.</summary>
public class RendererFactory : WebApplicationFactory<RendererMarker>
{
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Renderer:TemplatesPath", Path.Combine(RepositoryPaths.Root, "templates"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public ChromiumHost Chromium => Services.GetRequiredService<ChromiumHost>();

    public static ResumeDocument SampleResume() =>
        JsonSerializer.Deserialize<ResumeDocument>(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "templates", "sample-resume.json")), ContractJson.Options)!;

    public Task<HttpResponseMessage> RenderAsync(RenderRequest request, CancellationToken cancellationToken = default) =>
        CreateClient().PostAsJsonAsync("/render", request, ContractJson.Options, cancellationToken);
}

/// <summary>Small limits, so queue and page-limit behaviour shows with few requests.</summary>
public sealed class TightLimitsRendererFactory : RendererFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Renderer:Slots"] = "1",
        ["Renderer:QueueLength"] = "1",
        ["Renderer:MaxPages"] = "1",
    };
}

/// <summary>Two slots and frequent recycling, for crash and restart tests.</summary>
public sealed class RecyclingRendererFactory : RendererFactory
{
    public const int RecycleAfterRenders = 6;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Renderer:Slots"] = "2",
        ["Renderer:QueueLength"] = "32",
        ["Renderer:RecycleAfterRenders"] = RecycleAfterRenders.ToString(),
    };
}

/// <summary>Points at a Chromium that does not exist.</summary>
public sealed class MissingChromiumRendererFactory : RendererFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Chromium:ExecutablePath"] = "/nonexistent/chromium",
    };
}
