using JobWise.Contracts;

namespace JobWise.Renderer.Templates;

/// <summary>
/// The resume document normalised for layout: every section type becomes blocks of three kinds
/// (text, skills, entry), empty sections and fields are dropped. HTML and DOCX both lay out this one shape.
/// </summary>
public sealed record ResumeView(HeaderView Header, IReadOnlyList<SectionView> Sections, DocumentProperties Properties)
{
    public string Title => Properties.Title;
    public string Author => Properties.Author;

    /// <param name="dateFormat">One of <see cref="ResumeDates.Formats"/>; the default when not given.</param>
    public static ResumeView From(ResumeDocument document, string? documentTitle, string? dateFormat = null)
    {
        var dates = new DateStyle(dateFormat ?? ResumeDates.DefaultFormat, document.Language);
        var header = HeaderView.From(document.Header);
        var sections = document.Sections
            .Select(section => SectionView.From(section, dates))
            .Where(section => section.Blocks.Count > 0)
            .ToList();
        return new ResumeView(header, sections, DocumentProperties.Of(document, header, documentTitle));
    }

    /// <summary>A cheap count of laid-out lines and characters, used to refuse documents that cannot fit the page limit before printing.</summary>
    public (int Lines, int Characters) Size()
    {
        var lines = 4;
        var characters = Header.Name.Length + Header.Contact.Sum(item => item.Length);
        foreach (var block in Sections.SelectMany(section => section.Blocks))
        {
            lines++;
            switch (block)
            {
                case TextBlock text:
                    lines += text.Paragraphs.Count;
                    characters += text.Paragraphs.Sum(paragraph => paragraph.Length);
                    break;
                case SkillsBlock skills:
                    lines += skills.Groups.Count;
                    characters += skills.Groups.Sum(group => group.Name.Length + group.Items.Sum(item => item.Length + 2));
                    break;
                case EntryBlock entry:
                    lines += 1 + entry.Highlights.Count + (entry.Description is null ? 0 : 1) + (entry.Tags.Count > 0 ? 1 : 0);
                    characters += entry.Heading.Length + (entry.Description?.Length ?? 0) + entry.Highlights.Sum(highlight => highlight.Length);
                    break;
            }
        }
        return (lines, characters);
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Only web and mail links become live links; anything else (javascript:, file:) stays plain text.</summary>
    internal static string? SafeHref(string? url)
    {
        if (Clean(url) is not { } value)
        {
            return null;
        }
        if (Uri.TryCreate(value, UriKind.Absolute, out var absolute))
        {
            return absolute.Scheme is "http" or "https" or "mailto" ? absolute.AbsoluteUri : null;
        }
        return Uri.TryCreate("https://" + value, UriKind.Absolute, out var guessed) && guessed.Host.Contains('.') && !value.Contains(':')
            ? guessed.AbsoluteUri
            : null;
    }
}

public sealed record HeaderView(string Name, string? Title, IReadOnlyList<string> Contact, IReadOnlyList<LinkView> Links, string? Email)
{
    public static HeaderView From(ResumeHeader header)
    {
        var contact = new[] { header.Email, header.Phone, header.Location }
            .Select(ResumeView.Clean).OfType<string>().ToList();
        var links = header.Links
            .Where(link => ResumeView.Clean(link.Url) is not null)
            .Select(link => new LinkView(ResumeView.Clean(link.Label) ?? "Link", link.Url.Trim(), ResumeView.SafeHref(link.Url)))
            .ToList();
        return new HeaderView(ResumeView.Clean(header.Name) ?? "", ResumeView.Clean(header.Title), contact, links, ResumeView.Clean(header.Email));
    }
}

public sealed record LinkView(string Label, string Url, string? Href);

public sealed record SectionView(string Type, string Title, string StandardTitle, IReadOnlyList<BlockView> Blocks)
{
    private static readonly Dictionary<string, string> StandardTitles = new()
    {
        [SectionTypes.ProfessionalSummary] = "Professional Summary",
        [SectionTypes.Skills] = "Skills",
        [SectionTypes.Experience] = "Experience",
        [SectionTypes.Education] = "Education",
        [SectionTypes.Projects] = "Projects",
        [SectionTypes.Certifications] = "Certifications",
        [SectionTypes.Awards] = "Awards",
        [SectionTypes.Publications] = "Publications",
        [SectionTypes.Languages] = "Languages",
        [SectionTypes.Volunteer] = "Volunteer Experience",
        [SectionTypes.Interests] = "Interests",
        [SectionTypes.References] = "References",
    };

    public static SectionView From(ResumeSection section, DateStyle dates)
    {
        var blocks = new List<BlockView>();
        var paragraphs = (section.Text ?? "")
            .Split(['\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        if (paragraphs.Count > 0)
        {
            blocks.Add(new TextBlock(paragraphs));
        }
        var groups = section.Groups
            .Select(group => new SkillGroupView(ResumeView.Clean(group.Name) ?? "", ResumeView.Clean(group.Level), Texts(group.Items)))
            .Where(group => group.Items.Count > 0 || group.Name.Length > 0)
            .ToList();
        if (groups.Count > 0)
        {
            blocks.Add(new SkillsBlock(groups));
        }
        blocks.AddRange(section.Items.Select(item => EntryBlock.From(section.Type, item, dates)).OfType<EntryBlock>());

        var standard = StandardTitles.GetValueOrDefault(section.Type);
        var title = ResumeView.Clean(section.Title) ?? standard ?? "Additional Information";
        return new SectionView(section.Type, title, standard ?? title, blocks);
    }

    internal static List<string> Texts(IEnumerable<string?> values) => values.Select(ResumeView.Clean).OfType<string>().ToList();
}

public abstract record BlockView(string Kind);

public sealed record TextBlock(IReadOnlyList<string> Paragraphs) : BlockView("text");

public sealed record SkillsBlock(IReadOnlyList<SkillGroupView> Groups) : BlockView("skills");

public sealed record SkillGroupView(string Name, string? Level, IReadOnlyList<string> Items);

public sealed record EntryBlock(
    string Heading,
    string? Subheading,
    string? Meta,
    string? OrganizationDescription,
    string? Description,
    IReadOnlyList<string> Highlights,
    IReadOnlyList<string> Tags,
    string TagsLabel,
    string? Url,
    string? Href) : BlockView("entry")
{
    public static EntryBlock? From(string sectionType, ResumeItem item, DateStyle dateStyle)
    {
        var clean = ResumeView.Clean;
        var dates = dateStyle.Of(item);
        var highlights = SectionView.Texts(item.Highlights);
        var url = clean(item.Url);
        string? heading, subheading, meta, description = clean(item.Description);
        IReadOnlyList<string> tags = [];
        var tagsLabel = "Keywords";
        switch (sectionType)
        {
            case SectionTypes.Education:
                var degree = string.Join(" in ", new[] { clean(item.Degree), clean(item.Field) }.OfType<string>());
                heading = degree.Length > 0 ? degree : clean(item.Institution);
                subheading = degree.Length > 0 ? clean(item.Institution) : null;
                meta = Join(clean(item.Location), dates, clean(item.Score));
                tags = SectionView.Texts(item.Courses);
                tagsLabel = "Courses";
                break;
            case SectionTypes.Projects:
                heading = clean(item.Name) ?? clean(item.Title);
                subheading = clean(item.Organization);
                meta = dates;
                tags = SectionView.Texts(item.Technologies);
                tagsLabel = "Technologies";
                break;
            case SectionTypes.Certifications:
            case SectionTypes.Publications:
                heading = clean(item.Name) ?? clean(item.Title);
                subheading = clean(item.Organization);
                meta = dates;
                break;
            case SectionTypes.Languages:
                heading = clean(item.Name);
                subheading = clean(item.Fluency);
                meta = null;
                break;
            case SectionTypes.Interests:
                heading = clean(item.Name);
                subheading = null;
                meta = null;
                tags = SectionView.Texts(item.Keywords);
                break;
            case SectionTypes.References:
                heading = clean(item.Name);
                subheading = clean(item.Organization);
                meta = null;
                break;
            default:
                // experience, volunteer, awards, custom
                heading = clean(item.Title) ?? clean(item.Name) ?? clean(item.Degree);
                subheading = clean(item.Organization) ?? clean(item.Institution);
                meta = Join(clean(item.Location), dates);
                tags = item.Technologies.Count > 0 ? SectionView.Texts(item.Technologies) : SectionView.Texts(item.Keywords);
                tagsLabel = item.Technologies.Count > 0 ? "Technologies" : "Keywords";
                break;
        }
        if (heading is null)
        {
            // An entry without a name still shows what it has, led by its first line of text.
            heading = subheading ?? description ?? highlights.FirstOrDefault();
            if (heading is null)
            {
                return null;
            }
            if (ReferenceEquals(heading, subheading)) subheading = null;
            else if (ReferenceEquals(heading, description)) description = null;
            else highlights = highlights.Skip(1).ToList();
        }
        return new EntryBlock(heading, subheading, meta, clean(item.OrganizationDescription), description, highlights, tags, tagsLabel, url, ResumeView.SafeHref(url));
    }

    private static string? Join(params string?[] parts)
    {
        var present = parts.OfType<string>().ToList();
        return present.Count == 0 ? null : string.Join(" | ", present);
    }
}

/// <summary>How this document writes dates: the <c>date_format</c> option in the document's language.</summary>
public sealed record DateStyle(string Format, string? Language)
{
    /// <summary>An entry's one date, else its range (an open end reads "Present" in the document's language).</summary>
    public string? Of(ResumeItem item) =>
        ResumeView.Clean(item.Date) is { } date
            ? ResumeDates.Single(date, Format, Language)
            : ResumeDates.Range(ResumeView.Clean(item.Start), ResumeView.Clean(item.End), Format, Language);
}
