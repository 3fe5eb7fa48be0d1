using System.Text.Json;
using JobWise.ApiService.Model;
using JobWise.ApiService.Tailoring;
using JobWise.Contracts;
using JobWise.Tests.Benchmark.Baseline;

namespace JobWise.Tests.Tailoring;

/// <summary>
/// The engine with word ids and a phrase trie gives exactly what the engine before it gave (kept as
/// <see cref="BaselineTailoring"/>): the same tokens, keywords, order, match and changes, for ordinary and largest inputs.
/// </summary>
public sealed class TailoringEquivalenceTests
{
    public static TheoryData<string> LargeCases => ["measured: 150-word skill, 25,000-word posting", "largest profile and largest posting"];

    [Fact]
    public void Tailoring_the_samples_gives_what_the_baseline_gave_for_every_posting_and_limit()
    {
        var compared = 0;
        foreach (var profile in new[] { TailoringSamples.BackendEngineer(), TailoringSamples.Designer() })
        {
            foreach (var (title, description) in TailoringSamples.Postings())
            {
                foreach (var limits in new[] { new TailoringLimits(), new TailoringLimits(1, 1, 1), new TailoringLimits(0, 0, 0), new TailoringLimits(3, 2, null) })
                {
                    AssertSameResult(profile, title, description, limits);
                    compared++;
                }
            }
        }
        Assert.Equal(40, compared);
    }

    [Theory]
    [MemberData(nameof(LargeCases))]
    public void Tailoring_the_largest_inputs_gives_what_the_baseline_gave(string name)
    {
        var (profile, description) = name.StartsWith("measured", StringComparison.Ordinal)
            ? (LargeTailoringInputs.ProfileWithOneLongSkill(), LargeTailoringInputs.OneLetterPosting())
            : LargeInputs();
        var match = AssertSameResult(profile, "Backend Engineer", description, new TailoringLimits(2, 3, 1));
        Assert.NotEmpty(match.MatchedKeywords);
    }

    [Fact]
    public void Posting_keywords_and_their_weights_are_those_the_baseline_found()
    {
        var (profile, description) = LargeInputs();
        var cancellationToken = TestContext.Current.CancellationToken;
        foreach (var (title, text) in TailoringSamples.Postings().Append(("Backend Engineer", description)))
        {
            var expected = BaselineTailoring.ExtractKeywords(title, text, BaselineTailoring.VocabularyOf(profile), cancellationToken);
            var actual = PostingKeywords.Extract(title, text, ProfileVocabulary.Of(profile), cancellationToken);
            Assert.Equal(expected, actual);
        }
        Assert.Equal(BaselineTailoring.VocabularyOf(profile).Order(StringComparer.Ordinal), ProfileVocabulary.Of(profile).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keyword_coverage_of_a_file_text_is_what_the_baseline_found()
    {
        var (profile, description) = LargeInputs();
        var cancellationToken = TestContext.Current.CancellationToken;
        var keywords = PostingKeywords.Extract("Backend Engineer", description, ProfileVocabulary.Of(profile), cancellationToken);
        var fileText = string.Join('\n', ProfileVocabulary.AllText(profile).Where(t => !string.IsNullOrEmpty(t)));

        var actual = TermDictionary.Of(keywords.Select(k => k.Term)).MentionedIn(new TokenizedText().Load(fileText), cancellationToken);

        Assert.Equal(BaselineTailoring.KeywordsMentioned(keywords, fileText, cancellationToken).Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.NotEmpty(actual);
    }

    [Fact]
    public void The_scanner_finds_the_tokens_the_regular_expression_found()
    {
        // Every character class the pattern treats apart, and some it folds (upper case, the Kelvin sign, accents).
        const string alphabet = "ab z09.+#-/ .,;:()\n\tAZK\u212Aé_'\"?!";
        var random = new Random(20261126);
        var samples = TailoringSamples.Postings().Select(p => p.Description).Append("C# .NET node.js ci/cd c++ a.b. .5 ..x +#+ -x x- x/ .Net").ToList();
        for (var i = 0; i < 3000; i++)
        {
            samples.Add(new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        }
        var tokens = new TokenizedText();
        foreach (var text in samples)
        {
            tokens.Load(text);
            Assert.Equal(BaselineTailoring.TokensOf(text), Enumerable.Range(0, tokens.Count).Select(t => new string(tokens.Token(t))).ToList());
        }
    }

    private static (ResumeDocument Profile, string Description) LargeInputs()
    {
        var profile = LargeTailoringInputs.MaxProfile();
        return (profile, LargeTailoringInputs.MaxPosting(profile));
    }

    private static JobMatch AssertSameResult(ResumeDocument profile, string title, string description, TailoringLimits limits)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var expected = BaselineTailoring.Tailor(profile, title, description, limits, cancellationToken);
        var actual = TailoringEngine.Tailor(profile, title, description, limits, cancellationToken);
        Assert.Equal(Json(expected.Document), Json(actual.Document));
        Assert.Equal(expected.Match.MatchedKeywords, actual.Match.MatchedKeywords);
        Assert.Equal(expected.Match.MissingKeywords, actual.Match.MissingKeywords);
        Assert.Equal(expected.Match.CoverageScore, actual.Match.CoverageScore);
        Assert.Equal(expected.Match.Changes.Moved, actual.Match.Changes.Moved);
        Assert.Equal(expected.Match.Changes.LeftOut, actual.Match.Changes.LeftOut);
        return actual.Match;
    }

    private static string Json(ResumeDocument document) => JsonSerializer.Serialize(document, ContractJson.Options);
}
