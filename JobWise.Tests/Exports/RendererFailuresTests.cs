using System.Net;
using System.Text.Json.Nodes;
using JobWise.ApiService.Exports;
using JobWise.ApiService.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JobWise.Tests.Exports;

/// <summary>
/// How the API passes a renderer's answer on: the client's mistakes stay 4xx, load shedding keeps its Retry-After,
/// and a renderer bug is a 502 with no Retry-After, so that clients do not retry a request that will fail again.
/// </summary>
public sealed class RendererFailuresTests
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_renderer_400_is_a_400_with_the_renderers_field_errors()
    {
        var problem = new JsonObject { ["title"] = "The render request is invalid.", ["errors"] = new JsonObject { ["options.accent_color"] = new JsonArray("Accent colour must be #RRGGBB.") } };
        var (status, retryAfter, body) = await ExecuteAsync(RenderOutcome.Failed(400, problem, null));
        Assert.Equal((400, null), (status, retryAfter));
        Assert.Equal("Accent colour must be #RRGGBB.", body["errors"]!["options.accent_color"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData(413)]
    [InlineData(422)]
    public async Task A_renderer_413_or_422_is_passed_on_without_retry_after(int rendererStatus)
    {
        var (status, retryAfter, _) = await ExecuteAsync(RenderOutcome.Failed(rendererStatus, new JsonObject { ["title"] = "Too long." }, null));
        Assert.Equal((rendererStatus, null), (status, retryAfter));
    }

    [Theory]
    [InlineData(429, 429)]
    [InlineData(503, 503)]
    public async Task Renderer_load_shedding_keeps_its_status_and_retry_after(int rendererStatus, int expected)
    {
        var (status, retryAfter, _) = await ExecuteAsync(RenderOutcome.Failed(rendererStatus, null, TimeSpan.FromSeconds(2)));
        Assert.Equal((expected, "2"), (status, retryAfter));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(501)]
    [InlineData(405)]
    [InlineData(415)]
    public async Task A_renderer_bug_or_protocol_mismatch_is_502_without_retry_after(int rendererStatus)
    {
        var (status, retryAfter, body) = await ExecuteAsync(RenderOutcome.Failed(rendererStatus, new JsonObject { ["title"] = "boom" }, TimeSpan.FromSeconds(2)));
        Assert.Equal(((int)HttpStatusCode.BadGateway, null), (status, retryAfter));
        Assert.Equal(502, body["status"]!.GetValue<int>());
    }

    private static async Task<(int Status, string? RetryAfter, JsonNode Body)> ExecuteAsync(RenderOutcome outcome)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
            Response = { Body = new MemoryStream() },
        };
        await RendererFailures.ToOutcome(outcome, DefaultRetryAfter).ToHttpResult(context).ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken);
        var retryAfter = context.Response.Headers.RetryAfter.Count == 0 ? null : context.Response.Headers.RetryAfter.ToString();
        return (context.Response.StatusCode, retryAfter, JsonNode.Parse(text.Length == 0 ? "{}" : text)!);
    }
}
