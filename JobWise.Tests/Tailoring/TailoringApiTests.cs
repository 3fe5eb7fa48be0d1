using System.Net;
using System.Text.Json.Nodes;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Tailoring;

/// <summary>The API with an LLM configured: a local server speaking the chat-completions protocol.</summary>
public sealed class LlmApiHost(PostgresServer postgres, RedisServer redis) : ApiHost(postgres, redis)
{
    public FakeChatCompletionsServer Model { get; } = new();

    protected override IReadOnlyList<OwnServer> OwnServers => [new(Model, () => new Dictionary<string, string>
    {
        ["Tailoring:Llm:Endpoint"] = Model.Endpoint,
        ["Tailoring:Llm:Model"] = "test-model",
        ["Tailoring:Llm:ApiKey"] = "test-key",
        ["Tailoring:Llm:Timeout"] = "00:00:03",
    })];
}

public sealed class TailoringApiTests(LlmApiHost host) : IClassFixture<LlmApiHost>
{
    [Fact]
    public async Task An_honest_model_answer_is_used_and_the_response_carries_the_match()
    {
        // Puts each entry's last bullet first: a reordering, nothing new.
        host.Model.Delay = TimeSpan.Zero;
        host.Model.Answer = resume =>
        {
            foreach (var item in resume["sections"]!.AsArray().SelectMany(s => s!["items"]?.AsArray() ?? []))
            {
                var bullets = item!["highlights"]!.AsArray();
                if (bullets.Count > 1)
                {
                    var last = bullets[^1]!.DeepClone();
                    bullets.RemoveAt(bullets.Count - 1);
                    bullets.Insert(0, last);
                }
            }
            return "```json\n" + resume.ToJsonString() + "\n```";
        };
        var generation = await TailorAsync();
        Assert.Equal("llm", generation["match"]!["engine"]!.GetValue<string>());
        Assert.Null(generation["match"]!["fallback_reason"]);
        Assert.Equal("Moved 30 services to PostgreSQL 15 with zero downtime.",
            generation["content_structured"]!["sections"]![2]!["items"]![0]!["highlights"]![0]!.GetValue<string>());
        Assert.Contains("postgresql", generation["match"]!["matched_keywords"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.NotEmpty(generation["match"]!["changes"]!["moved"]!.AsArray());
    }

    [Fact]
    public async Task A_model_that_invents_a_skill_is_caught_and_the_deterministic_engine_is_used()
    {
        host.Model.Delay = TimeSpan.Zero;
        host.Model.Answer = resume =>
        {
            resume["sections"]![1]!["groups"]![0]!["items"]!.AsArray().Add("Rust");
            resume["sections"]![2]!["items"]![0]!["highlights"]![1] = "Cut p95 latency of the payments API by 90% with Redis caching.";
            return resume.ToJsonString();
        };
        var generation = await TailorAsync();
        Assert.Equal("deterministic", generation["match"]!["engine"]!.GetValue<string>());
        Assert.Contains("no-invention", generation["match"]!["fallback_reason"]!.GetValue<string>());
        var text = generation["content_structured"]!.ToJsonString();
        Assert.DoesNotContain("Rust", text);
        Assert.DoesNotContain("90%", text);
    }

    [Theory]
    [InlineData("slow")]
    [InlineData("garbage")]
    public async Task A_slow_or_garbled_model_falls_back_to_the_deterministic_engine(string behaviour)
    {
        host.Model.Delay = behaviour == "slow" ? TimeSpan.FromSeconds(10) : TimeSpan.Zero;
        host.Model.Answer = _ => "I'm sorry, I can't help with resumes today.";
        var generation = await TailorAsync();
        Assert.Equal("deterministic", generation["match"]!["engine"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(generation["match"]!["fallback_reason"]!.GetValue<string>()));
        Assert.StartsWith("Designed an event pipeline on Kafka",
            generation["content_structured"]!["sections"]![2]!["items"]![0]!["highlights"]![0]!.GetValue<string>());
    }

    private async Task<JsonNode> TailorAsync()
    {
        var user = await host.RegisterUserAsync();
        (await user.Client.PutJsonAsync("/api/v1/profile", new { content = TailoringSamples.BackendEngineer() })).Dispose();
        var (title, description) = TailoringSamples.Postings()[0];
        using var job = await user.Client.PostJsonAsync("/api/v1/jobs", new { title, company = "Northwind", description });
        var jobId = (await job.ReadJsonAsync())["id"]!.GetValue<string>();
        using var response = await user.Client.PostJsonAsync("/api/v1/generations", new { job_id = jobId });
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal("tailored", body["source"]!.GetValue<string>());
        return body;
    }
}
