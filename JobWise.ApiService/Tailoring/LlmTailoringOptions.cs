using System.ComponentModel.DataAnnotations;

namespace JobWise.ApiService.Tailoring;

/// <summary>An OpenAI-compatible chat endpoint (Groq, OpenAI, a local server); tailoring uses it only when all three are set.</summary>
public sealed class LlmTailoringOptions
{
    public const string SectionName = "Tailoring:Llm";

    /// <summary>Base URL of the chat-completions API, e.g. <c>https://api.groq.com/openai/v1</c>.</summary>
    public string Endpoint { get; set; } = "";

    public string Model { get; set; } = "";

    public string ApiKey { get; set; } = "";

    /// <summary>How long to wait for the model before falling back to the deterministic engine.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool IsConfigured => Endpoint.Length > 0 && Model.Length > 0 && ApiKey.Length > 0;
}
