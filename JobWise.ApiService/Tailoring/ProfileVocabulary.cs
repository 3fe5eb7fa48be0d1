using JobWise.Contracts;

namespace JobWise.ApiService.Tailoring;

/// <summary>The terms a profile names as skills, tools or titles, in canonical spelling.</summary>
public static class ProfileVocabulary
{
    public static HashSet<string> Of(ResumeDocument profile)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        void Add(string? term)
        {
            var normalized = TextTerms.Normalize(term ?? "");
            if (normalized.Length > 0)
            {
                terms.Add(TermVariants.Canonical(normalized));
            }
        }
        foreach (var section in profile.Sections)
        {
            foreach (var group in section.Groups)
            {
                Add(group.Name);
                group.Items.ForEach(Add);
            }
            foreach (var item in section.Items)
            {
                Add(item.Title);
                Add(item.Degree);
                Add(item.Field);
                item.Technologies.ForEach(Add);
                item.Keywords.ForEach(Add);
            }
        }
        Add(profile.Header.Title);
        return terms;
    }

    /// <summary>Every canonical term anywhere in the profile's text, for telling matched from missing keywords.</summary>
    public static HashSet<string> MentionedIn(ResumeDocument profile, IReadOnlySet<string> keywords)
    {
        var maxWords = keywords.Select(k => k.Split(' ').Length).DefaultIfEmpty(1).Max();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in AllText(profile))
        {
            found.UnionWith(TextTerms.Mentions(text, keywords, Math.Max(maxWords, TermVariants.MaxWords)));
        }
        return found;
    }

    public static IEnumerable<string?> AllText(ResumeDocument document)
    {
        yield return document.Header.Title;
        foreach (var section in document.Sections)
        {
            yield return section.Text;
            foreach (var group in section.Groups)
            {
                yield return group.Name;
                foreach (var item in group.Items)
                {
                    yield return item;
                }
            }
            foreach (var item in section.Items)
            {
                yield return item.Title;
                yield return item.Name;
                yield return item.Organization;
                yield return item.Description;
                yield return item.Degree;
                yield return item.Field;
                foreach (var text in item.Highlights.Concat(item.Technologies).Concat(item.Keywords).Concat(item.Courses))
                {
                    yield return text;
                }
            }
        }
    }
}
