namespace JobWise.Contracts;

/// <summary>
/// The resume document of DESIGN.md: a header, then sections in the order the user wants them.
/// Shared by the API (which stores and validates it) and the renderer (which lays it out). Text is plain text, never HTML.
/// JSON names are snake_case (see <see cref="ContractJson"/>).
/// </summary>
public sealed class ResumeDocument
{
    public ResumeHeader Header { get; set; } = new();

    public List<ResumeSection> Sections { get; set; } = [];

    /// <summary>
    /// The language the resume is written in, as a BCP 47 tag (<c>en</c>, <c>de-DE</c>): the documents' language,
    /// month names and the word for an open end (<see cref="ResumeDates"/>). English when not given.
    /// </summary>
    public string? Language { get; set; }
}

public sealed class ResumeHeader
{
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>Where the person is, as shown on the resume (usually the city).</summary>
    public string? Location { get; set; }
    /// <summary>The postal address beyond the city; kept (JSON Resume has it) but not printed.</summary>
    public ResumeAddress? Address { get; set; }
    public List<ResumeLink> Links { get; set; } = [];
}

/// <summary>Postal address parts other than the city, which is <see cref="ResumeHeader.Location"/>.</summary>
public sealed class ResumeAddress
{
    /// <summary>Street address; several lines separated by line feeds.</summary>
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? Region { get; set; }
    /// <summary>ISO 3166-1 alpha-2, as JSON Resume writes it.</summary>
    public string? CountryCode { get; set; }
}

public sealed class ResumeLink
{
    public string Label { get; set; } = "";
    public string Url { get; set; } = "";
    /// <summary>The user name on that network (JSON Resume's <c>profiles.username</c>).</summary>
    public string? Username { get; set; }
}

/// <summary>
/// One section. Which fields are used depends on <see cref="Type"/>: <c>professional_summary</c> uses Text,
/// <c>skills</c> uses Groups, the rest use Items (and <c>custom</c> may use Text, Items or both).
/// </summary>
public sealed class ResumeSection
{
    public string Type { get; set; } = "";
    public string? Title { get; set; }
    public string? Text { get; set; }
    public List<SkillGroup> Groups { get; set; } = [];
    public List<ResumeItem> Items { get; set; } = [];
}

public sealed class SkillGroup
{
    public string Name { get; set; } = "";
    public string? Level { get; set; }
    public List<string> Items { get; set; } = [];
}

/// <summary>
/// An entry of any item section. Fields by section type:
/// experience and volunteer: title, organization, location, start, end, url, description, highlights
/// (experience also organization_description: what the organisation does);
/// education: institution, degree, field, start, end, score, courses, highlights;
/// projects: name, organization (entity), url, description, start, end, highlights, technologies;
/// certifications: name, organization (issuer), date, url; awards: title, organization (awarder), date, description;
/// publications: name, organization (publisher), date, url, description; languages: name, fluency;
/// interests: name, keywords; references: name, description (the reference); custom: any of them.
/// </summary>
public sealed class ResumeItem
{
    public string? Title { get; set; }
    public string? Organization { get; set; }
    public string? OrganizationDescription { get; set; }
    public string? Location { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Date { get; set; }
    public string? Url { get; set; }
    public string? Description { get; set; }
    public List<string> Highlights { get; set; } = [];
    public string? Institution { get; set; }
    public string? Degree { get; set; }
    public string? Field { get; set; }
    public string? Score { get; set; }
    public List<string> Courses { get; set; } = [];
    public string? Name { get; set; }
    public List<string> Technologies { get; set; } = [];
    public List<string> Keywords { get; set; } = [];
    public string? Fluency { get; set; }
}

/// <summary>The section types a document may hold.</summary>
public static class SectionTypes
{
    public const string ProfessionalSummary = "professional_summary";
    public const string Skills = "skills";
    public const string Experience = "experience";
    public const string Education = "education";
    public const string Projects = "projects";
    public const string Certifications = "certifications";
    public const string Awards = "awards";
    public const string Publications = "publications";
    public const string Languages = "languages";
    public const string Volunteer = "volunteer";
    public const string Interests = "interests";
    public const string References = "references";
    public const string Custom = "custom";

    public static readonly IReadOnlyList<string> All =
    [
        ProfessionalSummary, Skills, Experience, Education, Projects, Certifications, Awards,
        Publications, Languages, Volunteer, Interests, References, Custom,
    ];
}
