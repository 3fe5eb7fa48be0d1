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
        if (request.Content is null)
        {
            errors["content"] = ["Content is required."];
            return;
        }
        if (string.IsNullOrWhiteSpace(request.Content.Header?.Name))
        {
            errors["content.header.name"] = ["A resume needs a name."];
        }
        var sections = request.Content.Sections ?? [];
        for (var index = 0; index < sections.Count; index++)
        {
            var type = sections[index]?.Type;
            if (type is null || !SectionTypes.All.Contains(type))
            {
                errors[$"content.sections[{index}].type"] = [$"Unknown section type '{type}'; expected one of: {string.Join(", ", SectionTypes.All)}."];
            }
        }
    }
}
