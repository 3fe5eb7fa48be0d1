using JobWise.Contracts;

namespace JobWise.Renderer.Templates;

/// <summary>
/// What the PDF's document information and the DOCX's core properties say about the file: title, author, subject,
/// keywords and language. Search tools, mail clients and some applicant tracking systems read these before the text.
/// </summary>
public sealed record DocumentProperties(string Title, string Author, string Subject, string Keywords, string Language)
{
    // Enough to describe a resume; a skills section of hundreds of entries should not make a kilobyte of metadata.
    private const int MaxKeywords = 30;

    public static DocumentProperties Of(ResumeDocument document, HeaderView header, string? documentTitle)
    {
        var headline = ResumeView.Clean(document.Header.Title);
        var title = ResumeView.Clean(documentTitle)
            ?? string.Join(" - ", new[] { header.Name, headline ?? "Resume" }.Where(part => part.Length > 0));
        var subject = headline is null ? "Resume" : $"Resume: {headline}";
        var keywords = document.Sections
            .Where(section => section.Type == SectionTypes.Skills)
            .SelectMany(section => section.Groups)
            .SelectMany(group => group.Items)
            .Select(ResumeView.Clean)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxKeywords);
        return new DocumentProperties(title, header.Name, subject, string.Join(", ", keywords), ResumeDates.Culture(document.Language).Name);
    }
}
