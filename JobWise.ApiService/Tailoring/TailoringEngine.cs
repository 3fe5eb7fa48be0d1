using System.Text.Json;
using JobWise.Contracts;

namespace JobWise.ApiService.Tailoring;

/// <summary>
/// Deterministic tailoring, with no network and no key: scores every skill, entry and bullet of the profile against
/// the posting's keywords and orders them by relevance (ties keep the profile's order), leaving out the least
/// relevant only where the request sets a limit. It only moves and drops what the profile has; it never writes.
/// </summary>
public static class TailoringEngine
{
    public const string EngineName = "deterministic";

    public sealed record Result(ResumeDocument Document, JobMatch Match);

    public static Result Tailor(ResumeDocument profile, string? jobTitle, string? jobDescription, TailoringLimits limits)
    {
        var vocabulary = ProfileVocabulary.Of(profile);
        var keywords = PostingKeywords.Extract(jobTitle, jobDescription, vocabulary);
        var weights = keywords.ToDictionary(k => k.Term, k => k.Weight, StringComparer.Ordinal);
        var keywordSet = weights.Keys.ToHashSet(StringComparer.Ordinal);
        var maxWords = Math.Max(TermVariants.MaxWords, keywordSet.Select(k => k.Split(' ').Length).DefaultIfEmpty(1).Max());
        double Score(string? text) => TextTerms.Mentions(text, keywordSet, maxWords).Sum(term => weights[term]);

        var document = Copy(profile);
        var moved = new List<TailoringChange>();
        var leftOut = new List<TailoringChange>();
        foreach (var section in document.Sections)
        {
            var within = section.Title ?? section.Type;
            if (section.Type == SectionTypes.ProfessionalSummary && section.Text is not null)
            {
                var sentences = Reorder(TextTerms.Sentences(section.Text), Score, limits.MaxSummarySentences, "sentence", within, moved, leftOut);
                section.Text = string.Join(' ', sentences);
            }
            section.Groups = Reorder(section.Groups, g => Score(g.Name) + g.Items.Sum(Score), null, "skill_group", within, moved, leftOut, g => g.Name);
            foreach (var group in section.Groups)
            {
                group.Items = Reorder(group.Items, Score, limits.MaxSkillsPerGroup, "skill", group.Name, moved, leftOut);
            }
            foreach (var item in section.Items)
            {
                var entry = string.Join(" — ", new[] { item.Title ?? item.Name ?? item.Degree, item.Organization ?? item.Institution }.Where(s => !string.IsNullOrEmpty(s)));
                item.Highlights = Reorder(item.Highlights, Score, limits.MaxBulletsPerEntry, "bullet", entry, moved, leftOut);
                item.Technologies = Reorder(item.Technologies, Score, null, "technology", entry, moved, leftOut);
            }
        }

        var mentioned = ProfileVocabulary.MentionedIn(profile, keywordSet);
        var matched = keywords.Where(k => mentioned.Contains(k.Term)).Select(k => k.Term).ToList();
        var missing = keywords.Where(k => !mentioned.Contains(k.Term)).Select(k => k.Term).ToList();
        var totalWeight = keywords.Sum(k => k.Weight);
        var coverage = totalWeight == 0 ? 0 : (int)Math.Round(100 * keywords.Where(k => mentioned.Contains(k.Term)).Sum(k => k.Weight) / totalWeight);
        return new Result(document, new JobMatch(matched, missing, coverage, new TailoringChanges(moved, leftOut), EngineName, null));
    }

    /// <summary>Orders by score, highest first, ties in their original order; keeps at most <paramref name="limit"/>.</summary>
    private static List<T> Reorder<T>(
        IReadOnlyList<T> values, Func<T, double> score, int? limit, string kind, string within,
        List<TailoringChange> moved, List<TailoringChange> leftOut, Func<T, string>? describe = null)
    {
        describe ??= value => value?.ToString() ?? "";
        var ranked = values.Select((value, index) => (Value: value, Index: index, Score: score(value)))
            .OrderByDescending(v => v.Score).ThenBy(v => v.Index)
            .ToList();
        var kept = limit is { } max && max >= 0 ? ranked.Take(max).ToList() : ranked;
        foreach (var dropped in ranked.Skip(kept.Count))
        {
            leftOut.Add(new TailoringChange(kind, describe(dropped.Value), within, dropped.Index));
        }
        for (var position = 0; position < kept.Count; position++)
        {
            if (kept[position].Index != position)
            {
                moved.Add(new TailoringChange(kind, describe(kept[position].Value), within, kept[position].Index, position));
            }
        }
        return kept.Select(v => v.Value).ToList();
    }

    private static ResumeDocument Copy(ResumeDocument document) =>
        JsonSerializer.Deserialize<ResumeDocument>(JsonSerializer.SerializeToUtf8Bytes(document, ContractJson.Options), ContractJson.Options)!;
}
