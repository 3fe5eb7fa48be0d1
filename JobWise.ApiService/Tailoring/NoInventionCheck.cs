using JobWise.Contracts;

namespace JobWise.ApiService.Tailoring;

/// <summary>
/// The guarantee every tailored resume must keep: each skill, title, employer, date, number and bullet in it exists
/// in the profile. Tailoring may reorder and leave out, never add or reword.
/// </summary>
public static class NoInventionCheck
{
    /// <summary>What the generated document has that the profile does not; empty when it invents nothing.</summary>
    public static IReadOnlyList<string> Violations(ResumeDocument profile, ResumeDocument generated)
    {
        var allowed = Facts(profile).ToHashSet();
        var sentences = profile.Sections.Where(s => s.Text is not null).SelectMany(s => TextTerms.Sentences(s.Text))
            .Concat(profile.Sections.SelectMany(s => s.Items).SelectMany(i => i.Highlights.Append(i.Description ?? "")))
            .ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>();
        foreach (var fact in Facts(generated))
        {
            if (!allowed.Contains(fact))
            {
                violations.Add($"{fact.Kind} '{fact.Value}' is not in the profile");
            }
        }
        if (!SameHeader(profile.Header, generated.Header))
        {
            violations.Add("header differs from the profile");
        }
        foreach (var sentence in generated.Sections.Where(s => s.Text is not null).SelectMany(s => TextTerms.Sentences(s.Text)))
        {
            if (!sentences.Contains(sentence))
            {
                violations.Add($"sentence '{sentence}' is not in the profile");
            }
        }
        return violations;
    }

    private readonly record struct Fact(string Kind, string Value);

    private static IEnumerable<Fact> Facts(ResumeDocument document)
    {
        foreach (var section in document.Sections)
        {
            yield return new Fact("section", section.Type);
            foreach (var group in section.Groups)
            {
                yield return new Fact("skill group", group.Name);
                foreach (var skill in group.Items)
                {
                    yield return new Fact("skill", skill);
                }
            }
            foreach (var item in section.Items)
            {
                foreach (var (kind, value) in new[]
                {
                    ("title", item.Title), ("organization", item.Organization), ("institution", item.Institution),
                    ("degree", item.Degree), ("field", item.Field), ("name", item.Name), ("start", item.Start),
                    ("end", item.End), ("date", item.Date), ("location", item.Location), ("score", item.Score),
                    ("description", item.Description), ("url", item.Url), ("fluency", item.Fluency),
                })
                {
                    if (!string.IsNullOrEmpty(value))
                    {
                        yield return new Fact(kind, value);
                    }
                }
                foreach (var bullet in item.Highlights)
                {
                    yield return new Fact("bullet", bullet);
                }
                foreach (var value in item.Technologies.Concat(item.Keywords).Concat(item.Courses))
                {
                    yield return new Fact("term", value);
                }
            }
        }
    }

    private static bool SameHeader(ResumeHeader a, ResumeHeader b) =>
        a.Name == b.Name && a.Title == b.Title && a.Email == b.Email && a.Phone == b.Phone && a.Location == b.Location
        && a.Links.Select(l => (l.Label, l.Url)).SequenceEqual(b.Links.Select(l => (l.Label, l.Url)));
}
