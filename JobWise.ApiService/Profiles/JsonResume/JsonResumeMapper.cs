using JobWise.Contracts;

namespace JobWise.ApiService.Profiles.JsonResume;

/// <summary>
/// Converts between the resume document and JSON Resume. Every field both models have survives a round trip;
/// what only ours has (section titles and order, custom sections, the language) has no place in JSON Resume and is left
/// out, and what only JSON Resume has (basics.image, projects' roles and type, meta) is not imported (README).
/// </summary>
public static class JsonResumeMapper
{
    public const string SchemaUrl = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";
    private const string WebsiteLabel = "Website";

    public static ResumeDocument ToDocument(JsonResumeDocument resume)
    {
        var basics = resume.Basics ?? new JsonResumeBasics();
        var links = new List<ResumeLink>();
        if (!string.IsNullOrWhiteSpace(basics.Url))
        {
            links.Add(new ResumeLink { Label = WebsiteLabel, Url = basics.Url });
        }
        links.AddRange((basics.Profiles ?? []).Where(p => !string.IsNullOrWhiteSpace(p.Url))
            .Select(p => new ResumeLink { Label = p.Network ?? "", Url = p.Url!, Username = p.Username }));

        var document = new ResumeDocument
        {
            Header = new ResumeHeader
            {
                Name = basics.Name ?? "",
                Title = basics.Label,
                Email = basics.Email,
                Phone = basics.Phone,
                Location = basics.Location?.City,
                Address = Address(basics.Location),
                Links = links,
            },
        };
        var sections = document.Sections;
        if (!string.IsNullOrWhiteSpace(basics.Summary))
        {
            sections.Add(new ResumeSection { Type = SectionTypes.ProfessionalSummary, Title = "Summary", Text = basics.Summary });
        }
        AddItems(sections, SectionTypes.Experience, "Experience", resume.Work, w => new ResumeItem
        {
            Title = w.Position, Organization = w.Name, OrganizationDescription = w.Description, Location = w.Location, Url = w.Url, Start = w.StartDate,
            End = w.EndDate, Description = w.Summary, Highlights = w.Highlights ?? [],
        });
        if (resume.Skills is { Count: > 0 })
        {
            sections.Add(new ResumeSection
            {
                Type = SectionTypes.Skills,
                Title = "Skills",
                Groups = resume.Skills.Select(s => new SkillGroup { Name = s.Name ?? "", Level = s.Level, Items = s.Keywords ?? [] }).ToList(),
            });
        }
        AddItems(sections, SectionTypes.Education, "Education", resume.Education, e => new ResumeItem
        {
            Institution = e.Institution, Url = e.Url, Field = e.Area, Degree = e.StudyType, Start = e.StartDate,
            End = e.EndDate, Score = e.Score, Courses = e.Courses ?? [],
        });
        AddItems(sections, SectionTypes.Projects, "Projects", resume.Projects, p => new ResumeItem
        {
            Name = p.Name, Organization = p.Entity, Description = p.Description, Highlights = p.Highlights ?? [], Technologies = p.Keywords ?? [],
            Start = p.StartDate, End = p.EndDate, Url = p.Url,
        });
        AddItems(sections, SectionTypes.Volunteer, "Volunteering", resume.Volunteer, v => new ResumeItem
        {
            Organization = v.Organization, Title = v.Position, Url = v.Url, Start = v.StartDate, End = v.EndDate,
            Description = v.Summary, Highlights = v.Highlights ?? [],
        });
        AddItems(sections, SectionTypes.Certifications, "Certifications", resume.Certificates, c => new ResumeItem
        {
            Name = c.Name, Date = c.Date, Url = c.Url, Organization = c.Issuer,
        });
        AddItems(sections, SectionTypes.Awards, "Awards", resume.Awards, a => new ResumeItem
        {
            Title = a.Title, Date = a.Date, Organization = a.Awarder, Description = a.Summary,
        });
        AddItems(sections, SectionTypes.Publications, "Publications", resume.Publications, p => new ResumeItem
        {
            Name = p.Name, Organization = p.Publisher, Date = p.ReleaseDate, Url = p.Url, Description = p.Summary,
        });
        AddItems(sections, SectionTypes.Languages, "Languages", resume.Languages, l => new ResumeItem { Name = l.Language, Fluency = l.Fluency });
        AddItems(sections, SectionTypes.Interests, "Interests", resume.Interests, i => new ResumeItem { Name = i.Name, Keywords = i.Keywords ?? [] });
        AddItems(sections, SectionTypes.References, "References", resume.References, r => new ResumeItem { Name = r.Name, Description = r.Reference });
        return document;
    }

    public static JsonResumeDocument ToJsonResume(ResumeDocument document)
    {
        var header = document.Header;
        var website = header.Links.FirstOrDefault(link => link.Label == WebsiteLabel);
        var summary = document.Sections.FirstOrDefault(s => s.Type == SectionTypes.ProfessionalSummary)?.Text;
        return new JsonResumeDocument
        {
            Schema = SchemaUrl,
            Basics = new JsonResumeBasics
            {
                Name = header.Name,
                Label = header.Title,
                Email = header.Email,
                Phone = header.Phone,
                Url = website?.Url,
                Summary = summary,
                Location = header.Location is null && header.Address is null ? null : new JsonResumeLocation
                {
                    City = header.Location, Address = header.Address?.Street, PostalCode = header.Address?.PostalCode,
                    Region = header.Address?.Region, CountryCode = header.Address?.CountryCode,
                },
                Profiles = header.Links.Where(link => link != website)
                    .Select(link => new JsonResumeProfile { Network = link.Label, Username = link.Username, Url = link.Url }).ToList(),
            },
            Work = Items(document, SectionTypes.Experience, i => new JsonResumeWork
            {
                Position = i.Title, Name = i.Organization, Description = i.OrganizationDescription, Location = i.Location, Url = i.Url, StartDate = i.Start,
                EndDate = i.End, Summary = i.Description, Highlights = i.Highlights,
            }),
            Volunteer = Items(document, SectionTypes.Volunteer, i => new JsonResumeVolunteer
            {
                Organization = i.Organization, Position = i.Title, Url = i.Url, StartDate = i.Start, EndDate = i.End,
                Summary = i.Description, Highlights = i.Highlights,
            }),
            Education = Items(document, SectionTypes.Education, i => new JsonResumeEducation
            {
                Institution = i.Institution, Url = i.Url, Area = i.Field, StudyType = i.Degree, StartDate = i.Start,
                EndDate = i.End, Score = i.Score, Courses = i.Courses,
            }),
            Awards = Items(document, SectionTypes.Awards, i => new JsonResumeAward
            {
                Title = i.Title, Date = i.Date, Awarder = i.Organization, Summary = i.Description,
            }),
            Certificates = Items(document, SectionTypes.Certifications, i => new JsonResumeCertificate
            {
                Name = i.Name, Date = i.Date, Url = i.Url, Issuer = i.Organization,
            }),
            Publications = Items(document, SectionTypes.Publications, i => new JsonResumePublication
            {
                Name = i.Name, Publisher = i.Organization, ReleaseDate = i.Date, Url = i.Url, Summary = i.Description,
            }),
            Skills = document.Sections.Where(s => s.Type == SectionTypes.Skills).SelectMany(s => s.Groups)
                .Select(g => new JsonResumeSkill { Name = g.Name, Level = g.Level, Keywords = g.Items }).ToList(),
            Languages = Items(document, SectionTypes.Languages, i => new JsonResumeLanguage { Language = i.Name, Fluency = i.Fluency }),
            Interests = Items(document, SectionTypes.Interests, i => new JsonResumeInterest { Name = i.Name, Keywords = i.Keywords }),
            References = Items(document, SectionTypes.References, i => new JsonResumeReference { Name = i.Name, Reference = i.Description }),
            Projects = Items(document, SectionTypes.Projects, i => new JsonResumeProject
            {
                Name = i.Name, Entity = i.Organization, Description = i.Description, Highlights = i.Highlights, Keywords = i.Technologies,
                StartDate = i.Start, EndDate = i.End, Url = i.Url,
            }),
        };
    }

    /// <summary>The address parts other than the city (which is the header's location); null when there are none.</summary>
    private static ResumeAddress? Address(JsonResumeLocation? location)
    {
        if (location is null || new[] { location.Address, location.PostalCode, location.Region, location.CountryCode }.All(string.IsNullOrEmpty))
        {
            return null;
        }
        return new ResumeAddress { Street = location.Address, PostalCode = location.PostalCode, Region = location.Region, CountryCode = location.CountryCode };
    }

    private static void AddItems<T>(List<ResumeSection> sections, string type, string title, List<T>? entries, Func<T, ResumeItem> map)
    {
        if (entries is { Count: > 0 })
        {
            sections.Add(new ResumeSection { Type = type, Title = title, Items = entries.Select(map).ToList() });
        }
    }

    private static List<T> Items<T>(ResumeDocument document, string type, Func<ResumeItem, T> map) =>
        document.Sections.Where(s => s.Type == type).SelectMany(s => s.Items).Select(map).ToList();
}
