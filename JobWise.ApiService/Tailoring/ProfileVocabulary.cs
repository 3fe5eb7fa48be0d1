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
            // One token past the limit tells a term that is too long; the rest of it need not be read.
            var tokens = scratch.Load(term, TextTerms.MaxPhraseWords + 1);
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
