using System.Text.Json;
using JobWise.ApiService.Model;
using JobWise.Contracts;
using Microsoft.Extensions.AI;

namespace JobWise.ApiService.Tailoring;

/// <summary>Asks a chat model to reorder the profile for a posting. Its answer is only a proposal: the caller checks it.</summary>
public sealed class LlmTailor(IChatClient chat)
{
    private const string Instructions =
        """
        You tailor a resume to a job posting. You receive the resume as JSON and the posting as text.
        Answer with ONLY the tailored resume as one JSON object in exactly the same schema (snake_case keys).
        You may reorder sections' skill groups, skills, bullets (highlights) and summary sentences so that what the
        posting asks for comes first, and you may leave out the least relevant bullets or skills.
        You must NOT add, rename, reword, merge or invent anything: every skill, title, employer, date, number and
        bullet must be copied exactly from the input. Keep the header unchanged.
        """;

    public async Task<ResumeDocument?> TailorAsync(ResumeDocument profile, Job job, CancellationToken cancellationToken)
    {
        var resume = JsonSerializer.Serialize(profile, ContractJson.Options);
        var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, Instructions),
                new ChatMessage(ChatRole.User, $"Job posting: {job.Title} at {job.Company}\n{job.Description}\n\nResume JSON:\n{resume}"),
            ],
            new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.Json },
            cancellationToken);
        return ParseDocument(response.Text);
    }

    /// <summary>The JSON object in a model's answer, with or without a code fence around it.</summary>
    public static ResumeDocument? ParseDocument(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ResumeDocument>(text[start..(end + 1)], ContractJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
