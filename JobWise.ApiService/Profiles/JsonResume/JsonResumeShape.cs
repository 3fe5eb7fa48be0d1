using JobWise.ApiService.Validation;
using JobWise.Contracts;

namespace JobWise.ApiService.Profiles.JsonResume;

/// <summary>
/// Refuses a null entry in any list of a JSON Resume document, named by its path in that document (<c>work[0]</c>,
/// <c>basics.profiles[1]</c>, <c>skills[0].keywords[2]</c>): the schema allows none, and the mapping needs every entry.
/// Text itself is checked as it is read (<see cref="PlainTextJsonConverter"/>).
/// </summary>
public static class JsonResumeShape
{
    public static void Validate(ValidationErrors errors, JsonResumeDocument resume)
    {
        Entries(errors, "basics.profiles", resume.Basics?.Profiles);
        Entries(errors, "work", resume.Work, (work, field) => Strings(errors, $"{field}.highlights", work.Highlights));
        Entries(errors, "volunteer", resume.Volunteer, (volunteer, field) => Strings(errors, $"{field}.highlights", volunteer.Highlights));
        Entries(errors, "education", resume.Education, (education, field) => Strings(errors, $"{field}.courses", education.Courses));
        Entries(errors, "awards", resume.Awards);
        Entries(errors, "certificates", resume.Certificates);
        Entries(errors, "publications", resume.Publications);
        Entries(errors, "skills", resume.Skills, (skill, field) => Strings(errors, $"{field}.keywords", skill.Keywords));
        Entries(errors, "languages", resume.Languages);
        Entries(errors, "interests", resume.Interests, (interest, field) => Strings(errors, $"{field}.keywords", interest.Keywords));
        Entries(errors, "references", resume.References);
        Entries(errors, "projects", resume.Projects, (project, field) =>
        {
            Strings(errors, $"{field}.highlights", project.Highlights);
            Strings(errors, $"{field}.keywords", project.Keywords);
        });
    }

    private static void Entries<T>(ValidationErrors errors, string field, List<T>? entries, Action<T, string>? entry = null) where T : class
    {
        for (var index = 0; index < (entries?.Count ?? 0); index++)
        {
            if (entries![index] is { } value)
            {
                entry?.Invoke(value, $"{field}[{index}]");
            }
            else
            {
                errors.Add($"{field}[{index}]", "must be an object, not null");
            }
        }
    }

    private static void Strings(ValidationErrors errors, string field, List<string>? values)
    {
        for (var index = 0; index < (values?.Count ?? 0); index++)
        {
            if (values![index] is null)
            {
                errors.Add($"{field}[{index}]", "must be a string, not null");
            }
        }
    }
}
