using JobWise.ApiService.Validation;
using JobWise.Contracts;

namespace JobWise.ApiService.Exports;

/// <summary>What a valid export request asks for: one generation in templates × formats with options.</summary>
public sealed record ExportPlan(Guid GenerationId, IReadOnlyList<string> Templates, IReadOnlyList<string> Formats, RenderOptions? Options);

/// <summary>Checks export requests before anything is loaded or rendered; a bad one changes nothing.</summary>
public static class ExportRequestValidation
{
    public static ExportPlan? Read(ExportRequest request, string format, ValidationErrors errors)
    {
        if (request.GenerationId is null)
        {
            errors.Add("generation_id", "is required");
        }
        errors.Required("template", request.Template, 100);
        var options = RenderOptionsReader.Read(request.Options, errors);
        return errors.Any ? null : new ExportPlan(request.GenerationId!.Value, [request.Template!], [format], options);
    }

    public static ExportPlan? Read(BatchExportRequest request, int maxFiles, ValidationErrors errors)
    {
        if (request.GenerationId is null)
        {
            errors.Add("generation_id", "is required");
        }
        var templates = (request.Templates ?? []).Distinct().ToList();
        var formats = (request.Formats ?? []).Distinct().ToList();
        if (templates.Count == 0)
        {
            errors.Add("templates", "must name at least one template");
        }
        if (formats.Count == 0)
        {
            errors.Add("formats", "must name at least one format");
        }
        foreach (var format in formats.Where(f => f is not (RenderFormats.Pdf or RenderFormats.Docx)))
        {
            errors.Add("formats", $"'{format}' is not a format; the formats are pdf and docx");
        }
        if (templates.Count * formats.Count > maxFiles)
        {
            errors.Add("templates", $"templates × formats must be at most {maxFiles} files");
        }
        var options = RenderOptionsReader.Read(request.Options, errors);
        return errors.Any ? null : new ExportPlan(request.GenerationId!.Value, templates, formats, options);
    }
}
