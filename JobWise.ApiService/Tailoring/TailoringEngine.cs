using System.Text.Json;
using JobWise.ApiService.Model;
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

    /// <summary>
    /// Bounded for any input the API accepts: linear in the posting and the profile (see <see cref="PostingKeywords"/>
    /// and <see cref="TermDictionary"/>), each distinct text of the profile scanned once, and it stops with
    /// <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public static Result Tailor(ResumeDocument profile, string? jobTitle, string? jobDescription, TailoringLimits limits, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var vocabulary = ProfileVocabulary.Of(profile);
        var keywords = PostingKeywords.Extract(jobTitle, jobDescription, vocabulary, cancellationToken);
        var weights = keywords.ToDictionary(k => k.Term, k => k.Weight, StringComparer.Ordinal);
        var keywordTerms = TermDictionary.Of(weights.Keys);
        var weightOf = Enumerable.Range(0, keywordTerms.Count).Select(term => weights[keywordTerms.Term(term)]).ToArray();
        var tokens = new TokenizedText();
        var inText = new FoundTerms(keywordTerms.Count);
        var inProfile = new FoundTerms(keywordTerms.Count);
        // A text is scanned once however often it is scored (a skill for its group and among its group's skills, every
        // text again for the profile's matched keywords), and every scan adds to the keywords the profile mentions.
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        double Score(string? text)
        {
            if (text is null)
            {
                return 0;
            }
            if (!scores.TryGetValue(text, out var score))
            {
                scores[text] = score = MentionedWeight(text);
            }
            return score;
        }
        double MentionedWeight(string text)
        {
            inText.Clear();
            keywordTerms.CollectMentions(tokens.Load(text), inText, cancellationToken);
            var score = 0.0;
            foreach (var term in inText.Terms)
            {
                score += weightOf[term];
                inProfile.Add(term);
            }
            return score;
        }

        var document = Copy(profile);
        foreach (var section in document.Sections)
        {
            if (section.Type == SectionTypes.ProfessionalSummary && section.Text is not null)
            {
                section.Text = string.Join(' ', Reorder(TextTerms.Sentences(section.Text), Score, limits.MaxSummarySentences));
            }
            section.Groups = Reorder(section.Groups, g => Score(g.Name) + g.Items.Sum(Score), null);
            foreach (var group in section.Groups)
            {
                group.Items = Reorder(group.Items, Score, limits.MaxSkillsPerGroup);
            }
            foreach (var item in section.Items)
            {
                item.Highlights = Reorder(item.Highlights, Score, limits.MaxBulletsPerEntry);
                item.Technologies = Reorder(item.Technologies, Score, null);
            }
        }

        foreach (var text in ProfileVocabulary.AllText(profile))
        {
            Score(text);
        }
        var mentioned = inProfile.Terms.Select(keywordTerms.Term).ToHashSet(StringComparer.Ordinal);
        var matched = keywords.Where(k => mentioned.Contains(k.Term)).Select(k => k.Term).ToList();
        var missing = keywords.Where(k => !mentioned.Contains(k.Term)).Select(k => k.Term).ToList();
        var totalWeight = keywords.Sum(k => k.Weight);
        var coverage = totalWeight == 0 ? 0 : (int)Math.Round(100 * keywords.Where(k => mentioned.Contains(k.Term)).Sum(k => k.Weight) / totalWeight);
        return new Result(document, new JobMatch(matched, missing, coverage, DocumentDiff.Changes(profile, document), EngineName, null));
    }

    /// <summary>Orders by score, highest first, ties in their original order; keeps at most <paramref name="limit"/>.</summary>
    private static List<T> Reorder<T>(IReadOnlyList<T> values, Func<T, double> score, int? limit)
    {
        var ranked = values.Select((value, index) => (Value: value, Index: index, Score: score(value)))
            .OrderByDescending(v => v.Score).ThenBy(v => v.Index)
            .Select(v => v.Value);
        return (limit is { } max && max >= 0 ? ranked.Take(max) : ranked).ToList();
    }

    private static ResumeDocument Copy(ResumeDocument document) =>
        JsonSerializer.Deserialize<ResumeDocument>(JsonSerializer.SerializeToUtf8Bytes(document, ContractJson.Options), ContractJson.Options)!;
}
