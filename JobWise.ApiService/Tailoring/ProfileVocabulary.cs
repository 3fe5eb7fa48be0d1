using JobWise.Contracts;

namespace JobWise.ApiService.Tailoring;

/// <summary>The terms a profile names as skills, tools or titles, in canonical spelling.</summary>
public static class ProfileVocabulary
{
    /// <summary>The profile's terms of at most <see cref="TextTerms.MaxPhraseWords"/> words (longer ones are never looked for).</summary>
    public static HashSet<string> Of(ResumeDocument profile)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var scratch = new TokenizedText();
        void Add(string? term)
        {
            var tokens = scratch.Load(term);
            if (tokens.Count is > 0 and <= TextTerms.MaxPhraseWords)
            {
                terms.Add(TermVariants.Canonical(new string(tokens.All)));
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

    /// <summary>Every term of <paramref name="keywords"/> anywhere in the profile's text, for telling matched from missing keywords.</summary>
    public static HashSet<string> MentionedIn(ResumeDocument profile, TermDictionary keywords, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new TokenizedText();
        foreach (var text in AllText(profile))
        {
            keywords.CollectMentions(tokens.Load(text), found, cancellationToken);
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
                yield return item.OrganizationDescription;
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
