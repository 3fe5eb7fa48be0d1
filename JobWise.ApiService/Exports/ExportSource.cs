using JobWise.ApiService.Model;
using JobWise.Contracts;

namespace JobWise.ApiService.Exports;

/// <summary>The generation (and its job) an export is made from, and what follows from them: titles and file names.</summary>
public sealed record ExportSource(Generation Generation, Job? Job, Guid UserId)
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
        Options = options,
        DocumentTitle = DocumentTitle,
    };

    public string FileName(string template, string extension, DateTimeOffset createdAt) =>
        ExportFileNames.For(Generation.Content.Header.Name, Job?.Company, template, createdAt, extension);
}
