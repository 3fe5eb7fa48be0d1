using JobWise.ApiService.Model;
using JobWise.Contracts;

namespace JobWise.ApiService.Exports;

/// <summary>
/// The generation (and its job) an export is made from, with the templates' default options, and what follows from them:
/// titles, file names and the render requests.
/// </summary>
public sealed record ExportSource(Generation Generation, Job? Job, Guid UserId, IReadOnlyDictionary<string, RenderOptions> TemplateDefaults)
{
    /// <summary>The PDF/DOCX title property. It names the job, so it is part of what makes two files the same.</summary>
    public string DocumentTitle => Job is null
        ? $"{Generation.Content.Header.Name} — Resume"
        : $"{Generation.Content.Header.Name} — {Job.Title}, {Job.Company}";

    public RenderRequest RenderRequest(string template, string format, RenderOptions? options) => new()
    {
        Content = Generation.Content,
        Template = template,
        Format = format,
        // Resolved here, once, so that what is fingerprinted is what the file is made with.
        Options = (options ?? new RenderOptions()).WithDefaults(TemplateDefaults.GetValueOrDefault(template) ?? new RenderOptions()),
        DocumentTitle = DocumentTitle,
    };

    public string FileName(string template, string extension, DateTimeOffset createdAt) =>
        ExportFileNames.For(Generation.Content.Header.Name, Job?.Company, template, createdAt, extension);
}
