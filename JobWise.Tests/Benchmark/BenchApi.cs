using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobWise.Contracts;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Benchmark;

/// <summary>A signed-in client of a real API process, with helpers to set up what the measurements need.</summary>
public sealed class BenchApi(ApiServerProcess server, string name) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
    {
        BaseAddress = new Uri(server.Url),
        Timeout = TimeSpan.FromSeconds(120),
    };

    public string Name { get; } = name;

    public ApiServerProcess Server { get; } = server;

    public Guid UserId { get; private set; }

    public async Task SignInAsync()
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"bench-{Guid.NewGuid():N}@example.com", password = "benchmark password", full_name = "Bench Mark" });
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["access_token"]!.GetValue<string>());
        UserId = Guid.Parse(body["user"]!["id"]!.GetValue<string>());
    }

    /// <summary>Generations whose content differs (a numbered summary sentence), so no two exports are the same file.</summary>
    public async Task<IReadOnlyList<string>> CreateGenerationsAsync(ResumeDocument sample, int count)
    {
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var content = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(sample, ContractJson.Options))!;
            var summary = content["sections"]!.AsArray().First(s => s!["type"]!.GetValue<string>() == SectionTypes.ProfessionalSummary)!;
            summary["text"] = $"{summary["text"]} Variant {i}-{Guid.NewGuid():N}.";
            using var response = await _client.PostAsJsonAsync("/api/v1/generations", new JsonObject { ["content_structured"] = content });
            response.EnsureSuccessStatusCode();
            ids.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        }
        return ids;
    }

    public async Task<LoadRunner.CallResult> ExportAsync(string format, string generationId, string? accentColor = null)
    {
        var body = new JsonObject { ["generation_id"] = generationId, ["template"] = BenchSettings.Template };
        if (accentColor is not null)
        {
            body["options"] = new JsonObject { ["accent_color"] = accentColor };
        }
        using var response = await _client.PostAsJsonAsync($"/api/v1/exports/{format}", body);
        await response.Content.LoadIntoBufferAsync();
        return new LoadRunner.CallResult((int)response.StatusCode, response.Headers.RetryAfter is not null);
    }

    /// <summary>One ZIP of <paramref name="templates"/> × PDF and DOCX (<c>POST /exports/batch</c>).</summary>
    public async Task<LoadRunner.CallResult> BatchAsync(string generationId, IReadOnlyList<string> templates)
    {
        var body = new JsonObject
        {
            ["generation_id"] = generationId,
            ["templates"] = new JsonArray([.. templates.Select(template => (JsonNode?)template)]),
            ["formats"] = new JsonArray(RenderFormats.Pdf, RenderFormats.Docx),
        };
        using var response = await _client.PostAsJsonAsync("/api/v1/exports/batch", body);
        await response.Content.LoadIntoBufferAsync();
        return new LoadRunner.CallResult((int)response.StatusCode, response.Headers.RetryAfter is not null);
    }

    public async Task<LoadRunner.CallResult> ListAsync()
    {
        using var response = await _client.GetAsync("/api/v1/exports/files?limit=20&offset=0");
        await response.Content.LoadIntoBufferAsync();
        return new LoadRunner.CallResult((int)response.StatusCode);
    }

    /// <summary>
    /// Waits until every export of this user has its ATS report. Reports are made in the API's quiet moments, so a
    /// measurement that follows must wait for them, or it would share the CPU with work left over from the last one.
    /// </summary>
    public async Task WaitForAtsReportsAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            var pending = 0;
            for (var offset = 0; ; offset += 100)
            {
                var page = (await _client.GetFromJsonAsync<JsonObject>($"/api/v1/exports/files?limit=100&offset={offset}"))!;
                var exports = page["exports"]!.AsArray();
                pending += exports.Count(e => e!["format"]!.GetValue<string>() != "zip" && e["ats_score"] is null);
                if (exports.Count < 100)
                {
                    break;
                }
            }
            if (pending == 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        throw new TimeoutException($"ATS reports of {Name} were not all made within {limit}.");
    }

    public void Dispose() => _client.Dispose();
}
