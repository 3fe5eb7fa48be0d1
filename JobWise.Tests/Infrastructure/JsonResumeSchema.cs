using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace JobWise.Tests.Infrastructure;

/// <summary>
/// The official JSON Resume schema (schema.json of the npm package @jsonresume/schema 1.3.1, MIT, committed under
/// Api/JsonResume with its licence) and an assertion that a document validates against it.
/// </summary>
public static class JsonResumeSchema
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Api", "JsonResume");

    // Loaded once: the schema library refuses to register the same $id twice.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(Folder, "jsonresume-schema.json")));

    public static void AssertValid(JsonNode document)
    {
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        var result = Schema.Value.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, JsonSerializer.Serialize(result.Details?.Where(d => !d.IsValid && d.Errors is not null)
            .Select(d => new { path = d.InstanceLocation.ToString(), d.Errors })));
    }
}
