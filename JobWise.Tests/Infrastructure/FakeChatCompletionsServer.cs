using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace JobWise.Tests.Infrastructure;

/// <summary>
/// A local stand-in for a hosted LLM (none is reachable here) that speaks the OpenAI chat-completions wire protocol.
/// <see cref="Answer"/> decides what the "model" says, from the resume JSON it was sent.
/// </summary>
public sealed class FakeChatCompletionsServer : IAsyncLifetime
{
    private WebApplication? _app;

    public string Endpoint { get; private set; } = "";

    /// <summary>Given the resume JSON in the prompt, the text the model answers with.</summary>
    public Func<JsonObject, string> Answer { get; set; } = resume => resume.ToJsonString();

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public int Requests { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", HandleAsync);
        await _app.StartAsync();
        Endpoint = $"{_app.Urls.First()}/v1";
    }

    private async Task HandleAsync(HttpContext context)
    {
        Requests++;
        var request = await JsonNode.ParseAsync(context.Request.Body);
        var prompt = request!["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
        var resume = JsonNode.Parse(prompt[(prompt.IndexOf("Resume JSON:", StringComparison.Ordinal) + "Resume JSON:".Length)..])!.AsObject();
        await Task.Delay(Delay, context.RequestAborted);
        var response = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = request["model"]!.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Answer(resume) },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public static JsonSerializerOptions Json => ApiClientExtensions.Json;
}
