using JobWise.Contracts;

namespace JobWise.Renderer.Apis;

/// <summary>Checks the parts of a render request that do not depend on the template; errors are keyed by JSON path.</summary>
public static class RenderRequestValidator
{
    public static void Validate(RenderRequest request, IDictionary<string, string[]> errors)
    {
        if (request.Format is not (RenderFormats.Pdf or RenderFormats.Docx))
        {
            errors["format"] = [$"Format must be '{RenderFormats.Pdf}' or '{RenderFormats.Docx}'."];
        }
        if (PlainText.Problem(request.DocumentTitle) is { } titleProblem)
        {
            Add(errors, "document_title", titleProblem);
        }
        if (request.Content is null)
        {
            errors["content"] = ["Content is required."];
            return;
        }
        // Nulls where the document has lists or entries, and text no PDF or DOCX can hold, are refused before layout.
        foreach (var (field, message) in ResumeDocumentShape.Problems(request.Content, "content"))
        {
            Add(errors, field, message);
        }
        if (request.Content.Language is { } language && !ResumeDates.IsKnownLanguage(language))
        {
            Add(errors, "content.language", "Language must be a language tag such as en, de or fr-CA.");
        }
        if (request.Content.Header is not null && string.IsNullOrWhiteSpace(request.Content.Header.Name))
        {
            Add(errors, "content.header.name", "A resume needs a name.");
        }
        var sections = request.Content.Sections ?? [];
        for (var index = 0; index < sections.Count; index++)
        {
            var type = sections[index]?.Type;
            if (sections[index] is not null && (type is null || !SectionTypes.All.Contains(type)))
            {
                Add(errors, $"content.sections[{index}].type", $"Unknown section type '{type}'; expected one of: {string.Join(", ", SectionTypes.All)}.");
            }
        }
    }

    private static void Add(IDictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
