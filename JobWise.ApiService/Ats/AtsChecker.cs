using System.Globalization;
using System.Text;
using JobWise.ApiService.Model;
using JobWise.ApiService.Tailoring;
using JobWise.Contracts;

namespace JobWise.ApiService.Ats;

/// <summary>
/// Reads the text a parser extracted from an exported file and checks it the way an applicant tracking system
/// would: contact details found, standard headings, every entry's title, organisation and dates present and in
/// order, nothing lost or garbled compared with the source, and the posting's keywords covered.
/// </summary>
public static class AtsChecker
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Info = "info";

    /// <summary>Headings parsers look for, by section type.</summary>
    private static readonly Dictionary<string, string[]> StandardHeadings = new()
    {
        [SectionTypes.ProfessionalSummary] = ["summary", "professional summary", "profile", "objective", "about"],
        [SectionTypes.Skills] = ["skills", "technical skills", "core skills", "key skills", "competencies"],
        [SectionTypes.Experience] = ["experience", "work experience", "professional experience", "employment", "employment history", "work history"],
        [SectionTypes.Education] = ["education", "academic background"],
        [SectionTypes.Projects] = ["projects", "selected projects", "personal projects"],
        [SectionTypes.Certifications] = ["certifications", "certificates", "licenses", "licenses and certifications"],
        [SectionTypes.Awards] = ["awards", "honors", "honours", "awards and honors"],
        [SectionTypes.Publications] = ["publications"],
        [SectionTypes.Languages] = ["languages"],
        [SectionTypes.Volunteer] = ["volunteer", "volunteering", "volunteer experience"],
        [SectionTypes.Interests] = ["interests", "hobbies"],
        [SectionTypes.References] = ["references"],
    };

    public static AtsReport Check(ResumeDocument source, string extractedText, IReadOnlyList<Keyword>? jobKeywords, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var findings = new List<AtsFinding>();
        var text = Fold(extractedText);
        var penalty = 0;

        var header = source.Header;
        if (!Contains(text, header.Name))
        {
            findings.Add(new AtsFinding("name", Error, "The name was not found in the file's text.", "Put your name as plain text at the top, not in an image or header."));
            penalty += 20;
        }
        if (string.IsNullOrWhiteSpace(header.Email))
        {
            findings.Add(new AtsFinding("email", Error, "The resume has no email address.", "Add an email address to the header so recruiters can reach you."));
            penalty += 15;
        }
        else if (!Contains(text, header.Email))
        {
            findings.Add(new AtsFinding("email", Error, "The email address was not found in the file's text.", "Write the email as plain text in the body."));
            penalty += 15;
        }
        if (string.IsNullOrWhiteSpace(header.Phone))
        {
            findings.Add(new AtsFinding("phone", Warning, "The resume has no phone number.", "Add a phone number to the header."));
            penalty += 5;
        }
        else if (!Digits(text).Contains(Digits(header.Phone), StringComparison.Ordinal))
        {
            findings.Add(new AtsFinding("phone", Error, "The phone number was not found in the file's text.", "Write the phone number as plain text in the body."));
            penalty += 10;
        }

        foreach (var section in source.Sections.Where(HasContent))
        {
            var heading = section.Title ?? "";
            if (StandardHeadings.TryGetValue(section.Type, out var standard) && !standard.Contains(Fold(heading).Trim()))
            {
                findings.Add(new AtsFinding("heading", Warning, $"The heading \"{heading}\" is not one parsers recognise for {section.Type.Replace('_', ' ')}.",
                    $"Rename it to a standard heading such as \"{Capitalise(standard[0])}\"."));
                penalty += 8;
            }
            else if (heading.Length > 0 && !Contains(text, heading) && !(standard ?? []).Any(alternative => Contains(text, alternative)))
            {
                findings.Add(new AtsFinding("heading", Warning, $"The heading \"{heading}\" was not found in the file's text.", "Use plain-text headings."));
                penalty += 5;
            }
        }

        penalty += CheckEntries(source, text, findings);

        var (found, total, lost) = SourceWords.Compare(source, text);
        var lostShare = total == 0 ? 0 : 1 - (double)found / total;
        if (extractedText.Contains('\uFFFD') || lostShare > 0.02)
        {
            findings.Add(new AtsFinding("text", Error,
                $"{lost.Count} of {total} words of the resume were lost or garbled in the file's text (e.g. {string.Join(", ", lost.Take(5).Select(w => $"\"{w}\""))}).",
                "Use a template with real text and standard fonts; avoid text in images, columns or text boxes."));
            penalty += (int)Math.Min(40, Math.Ceiling(lostShare * 100));
        }

        int? coverage = null;
        if (jobKeywords is { Count: > 0 })
        {
            var mentioned = TermDictionary.Of(jobKeywords.Select(k => k.Term)).MentionedIn(new TokenizedText().Load(extractedText), cancellationToken);
            var weight = jobKeywords.Sum(k => k.Weight);
            coverage = (int)Math.Round(100 * jobKeywords.Where(k => mentioned.Contains(k.Term)).Sum(k => k.Weight) / weight);
            var missing = jobKeywords.Where(k => !mentioned.Contains(k.Term)).Take(8).Select(k => k.Term).ToList();
            if (coverage < 60)
            {
                findings.Add(new AtsFinding("keywords", Warning, $"The file covers {coverage}% of the posting's keywords; missing: {string.Join(", ", missing)}.",
                    "Where they are true for you, use the posting's own words for your skills and experience."));
                penalty += (60 - coverage.Value) / 4;
            }
            else
            {
                findings.Add(new AtsFinding("keywords", Info, $"The file covers {coverage}% of the posting's keywords.", "Nothing to do."));
            }
        }

        return new AtsReport(Math.Clamp(100 - penalty, 0, 100), findings, coverage, extractedText.Length);
    }

    private static int CheckEntries(ResumeDocument source, string text, List<AtsFinding> findings)
    {
        var penalty = 0;
        var position = 0;
        foreach (var section in source.Sections.Where(s => s.Type is SectionTypes.Experience or SectionTypes.Education))
        {
            foreach (var item in section.Items)
            {
                var parts = new[] { item.Title ?? item.Degree, item.Organization ?? item.Institution }
                    .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!).ToList();
                var entry = string.Join(", ", parts);
                var missing = parts.Where(p => !Contains(text, p)).ToList();
                if (missing.Count > 0)
                {
                    findings.Add(new AtsFinding("entry", Error, $"\"{string.Join("\", \"", missing)}\" of the entry \"{entry}\" was not found.",
                        "Keep titles and organisations as plain text on their own line."));
                    penalty += 6;
                    continue;
                }
                if (!HasDates(text, item, source.Language))
                {
                    findings.Add(new AtsFinding("dates", Warning, $"The dates of \"{entry}\" were not found.", "Write dates as text, e.g. \"Mar 2021 – Present\"."));
                    penalty += 3;
                }
                var at = text.IndexOf(Fold(parts[0]), position, StringComparison.Ordinal);
                if (at < 0)
                {
                    findings.Add(new AtsFinding("order", Warning, $"The entry \"{entry}\" is out of reading order.", "Use a one-column layout so parsers read entries in order."));
                    penalty += 4;
                }
                else
                {
                    position = at;
                }
            }
        }
        return penalty;
    }

    /// <summary>Lower case, accents and typographic quotes, dashes and ligatures folded, whitespace collapsed.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var mapped = c switch
            {
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' or '\u2212' => '-',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => char.ToLowerInvariant(c),
            };
            if (mapped == ' ' && builder.Length > 0 && builder[^1] == ' ')
            {
                continue;
            }
            builder.Append(mapped);
        }
        return builder.ToString();
    }

    private static bool Contains(string foldedText, string? value) =>
        !string.IsNullOrWhiteSpace(value) && foldedText.Contains(Fold(value).Trim(), StringComparison.Ordinal);

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// The entry's dates as the renderer writes them (<see cref="ResumeDates"/>), in any of the date formats an export
    /// may use, e.g. "Dec 2013 – Dec 2014" or "12/2013 – 12/2014"; an entry without dates has nothing to find.
    /// </summary>
    private static bool HasDates(string foldedText, ResumeItem item, string? language) =>
        ResumeDates.Range(item.Start, item.End, ResumeDates.DefaultFormat, language) is null
        || ResumeDates.Formats.Any(format => Contains(foldedText, ResumeDates.Range(item.Start, item.End, format, language)));

    private static bool HasContent(ResumeSection section) =>
        !string.IsNullOrWhiteSpace(section.Text) || section.Items.Count > 0 || section.Groups.Any(g => g.Items.Count > 0);

    private static string Capitalise(string heading) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(heading);
}
