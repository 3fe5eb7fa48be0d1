using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;
using JobWise.ApiService.Model;
using JobWise.ApiService.Tailoring;
using JobWise.Contracts;

namespace JobWise.Tests.Benchmark.Baseline;

/// <summary>
/// The deterministic tailoring engine as it was at commit 3bc667f, before word ids and the phrase trie: every text is
/// tokenized with the regular expression, and every phrase of up to eight tokens is looked up as a span of characters.
/// Kept unchanged (only renamed and made self-contained) as the benchmark's baseline, and as the reference the faster
/// engine must agree with (<c>TailoringEquivalenceTests</c>). Shares only word lists and variants with the engine.
/// </summary>
public static partial class BaselineTailoring
{
    public static TailoringEngine.Result Tailor(ResumeDocument profile, string? jobTitle, string? jobDescription, TailoringLimits limits, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var vocabulary = VocabularyOf(profile);
        var keywords = ExtractKeywords(jobTitle, jobDescription, vocabulary, cancellationToken);
        var weights = keywords.ToDictionary(k => k.Term, k => k.Weight, StringComparer.Ordinal);
        var keywordTerms = Terms.Of(weights.Keys);
        var tokens = new Tokens();
        var mentions = new HashSet<string>(StringComparer.Ordinal);
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
            mentions.Clear();
            keywordTerms.CollectMentions(tokens.Load(text), mentions, cancellationToken);
            var score = 0.0;
            foreach (var term in mentions)
            {
                score += weights[term];
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

        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in ProfileVocabulary.AllText(profile))
        {
            keywordTerms.CollectMentions(tokens.Load(text), mentioned, cancellationToken);
        }
        var matched = keywords.Where(k => mentioned.Contains(k.Term)).Select(k => k.Term).ToList();
        var missing = keywords.Where(k => !mentioned.Contains(k.Term)).Select(k => k.Term).ToList();
        var totalWeight = keywords.Sum(k => k.Weight);
        var coverage = totalWeight == 0 ? 0 : (int)Math.Round(100 * keywords.Where(k => mentioned.Contains(k.Term)).Sum(k => k.Weight) / totalWeight);
        return new TailoringEngine.Result(document, new JobMatch(matched, missing, coverage, DocumentDiff.Changes(profile, document), TailoringEngine.EngineName, null));
    }

    /// <summary>The keyword half of an ATS report: the posting's keywords, and which of them a file's text mentions.</summary>
    public static HashSet<string> KeywordsMentioned(IReadOnlyList<Keyword> keywords, string extractedText, CancellationToken cancellationToken)
    {
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        Terms.Of(keywords.Select(k => k.Term)).CollectMentions(new Tokens().Load(extractedText), mentioned, cancellationToken);
        return mentioned;
    }

    public static HashSet<string> VocabularyOf(ResumeDocument profile)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var scratch = new Tokens();
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

    public static IReadOnlyList<Keyword> ExtractKeywords(string? title, string? description, IReadOnlySet<string> profileTerms, CancellationToken cancellationToken)
    {
        const int CancellationCheckInterval = 1024;
        cancellationToken.ThrowIfCancellationRequested();
        var tokens = new Tokens().Load($"{title}\n{title}\n{description}");
        var known = Terms.WithAllVariants(profileTerms.Concat(PostingKeywords.SkillWords));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var covered = new bool[tokens.Count];
        var startsOf = new uint[tokens.Count];
        var anyStarts = 0u;
        for (var start = 0; start < tokens.Count; start++)
        {
            if (start % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            for (var words = 1; words <= known.MaxWords && start + words <= tokens.Count; words++)
            {
                if (known.TryFind(tokens, start, words, out _))
                {
                    startsOf[start] |= 1u << (words - 1);
                }
            }
            anyStarts |= startsOf[start];
        }
        for (var words = known.MaxWords; words >= 1; words--)
        {
            var bit = 1u << (words - 1);
            if ((anyStarts & bit) == 0)
            {
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            for (var start = 0; start + words <= tokens.Count; start++)
            {
                if ((startsOf[start] & bit) == 0 || covered.AsSpan(start, words).Contains(true))
                {
                    continue;
                }
                known.TryFind(tokens, start, words, out var canonical);
                counts[canonical!] = counts.GetValueOrDefault(canonical!) + 1;
                covered.AsSpan(start, words).Fill(true);
            }
        }
        var leftovers = new Dictionary<string, int>(StringComparer.Ordinal);
        var leftoversBySpan = leftovers.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens.Token(i);
            if (!covered[i] && PostingKeywords.IsContentWord(token))
            {
                leftoversBySpan[token] = leftoversBySpan.TryGetValue(token, out var seen) ? seen + 1 : 1;
            }
        }
        foreach (var (word, count) in leftovers)
        {
            if (count >= 2)
            {
                counts[word] = counts.GetValueOrDefault(word) + count;
            }
        }
        return counts
            .Select(entry => new Keyword(entry.Key, 1 + Math.Log(entry.Value)))
            .OrderByDescending(k => k.Weight).ThenBy(k => k.Term, StringComparer.Ordinal)
            .Take(PostingKeywords.MaxKeywords)
            .ToList();
    }

    /// <summary>The tokens of a text as the baseline found them, for comparing tokenizers.</summary>
    public static List<string> TokensOf(string? text)
    {
        var tokens = new Tokens().Load(text);
        return Enumerable.Range(0, tokens.Count).Select(i => new string(tokens.Token(i))).ToList();
    }

    private static List<T> Reorder<T>(IReadOnlyList<T> values, Func<T, double> score, int? limit)
    {
        var ranked = values.Select((value, index) => (Value: value, Index: index, Score: score(value)))
            .OrderByDescending(v => v.Score).ThenBy(v => v.Index)
            .Select(v => v.Value);
        return (limit is { } max && max >= 0 ? ranked.Take(max) : ranked).ToList();
    }

    private static ResumeDocument Copy(ResumeDocument document) =>
        JsonSerializer.Deserialize<ResumeDocument>(JsonSerializer.SerializeToUtf8Bytes(document, ContractJson.Options), ContractJson.Options)!;

    [GeneratedRegex(@"[a-z0-9][a-z0-9+#./-]*|\.[a-z][a-z0-9]*|[+#]+")]
    private static partial Regex TokenPattern();

    private sealed class Terms
    {
        private const int CancellationCheckInterval = 1024;
        private readonly Dictionary<string, string> _canonicalBySpelling = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

        private Terms() => _bySpan = _canonicalBySpelling.GetAlternateLookup<ReadOnlySpan<char>>();

        public int MaxWords { get; private set; }

        public static Terms Of(IEnumerable<string> canonicalTerms)
        {
            var dictionary = new Terms();
            var terms = canonicalTerms as IReadOnlySet<string> ?? canonicalTerms.ToHashSet(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                if (!TermVariants.IsKnown(term))
                {
                    dictionary.Add(term, term);
                }
            }
            foreach (var (spelling, canonical) in TermVariants.All)
            {
                if (terms.Contains(canonical))
                {
                    dictionary.Add(spelling, canonical);
                }
            }
            return dictionary;
        }

        public static Terms WithAllVariants(IEnumerable<string> terms)
        {
            var dictionary = new Terms();
            foreach (var (spelling, canonical) in TermVariants.All)
            {
                dictionary.Add(spelling, canonical);
            }
            foreach (var term in terms)
            {
                if (!TermVariants.IsKnown(term))
                {
                    dictionary.Add(term, term);
                }
            }
            return dictionary;
        }

        public bool TryFind(Tokens text, int start, int words, [NotNullWhen(true)] out string? canonical) =>
            _bySpan.TryGetValue(text.Phrase(start, words), out canonical);

        public void CollectMentions(Tokens text, HashSet<string> found, CancellationToken cancellationToken)
        {
            for (var start = 0; start < text.Count; start++)
            {
                if (start % CancellationCheckInterval == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                for (var words = 1; words <= MaxWords && start + words <= text.Count; words++)
                {
                    if (TryFind(text, start, words, out var canonical))
                    {
                        found.Add(canonical);
                    }
                }
            }
        }

        private void Add(string spelling, string canonical)
        {
            var words = spelling.Count(c => c == ' ') + 1;
            if (spelling.Length > 0 && words <= TextTerms.MaxPhraseWords)
            {
                _canonicalBySpelling.TryAdd(spelling, canonical);
                MaxWords = Math.Max(MaxWords, words);
            }
        }
    }

    private sealed class Tokens
    {
        private char[] _lowered = [];
        private char[] _chars = [];
        private int[] _starts = [];
        private int[] _ends = [];

        public int Count { get; private set; }

        public Tokens Load(string? text)
        {
            Count = 0;
            if (string.IsNullOrEmpty(text))
            {
                return this;
            }
            var source = Ensure(ref _lowered, text.Length).AsSpan(0, text.Length);
            text.AsSpan().ToLowerInvariant(source);
            var chars = Ensure(ref _chars, 2 * text.Length);
            var maxTokens = Math.Min(text.Length, TextTerms.MaxTokens);
            var starts = Ensure(ref _starts, maxTokens);
            var ends = Ensure(ref _ends, maxTokens);
            var length = 0;
            foreach (var match in TokenPattern().EnumerateMatches(source))
            {
                var token = source.Slice(match.Index, match.Length).TrimEnd(TextTerms.TrailingPunctuation);
                if (token.IsEmpty)
                {
                    continue;
                }
                if (Count == maxTokens)
                {
                    break;
                }
                if (Count > 0)
                {
                    chars[length++] = ' ';
                }
                starts[Count] = length;
                token.CopyTo(chars.AsSpan(length));
                length += token.Length;
                ends[Count++] = length;
            }
            return this;
        }

        public ReadOnlySpan<char> Token(int index) => _chars.AsSpan(_starts[index], _ends[index] - _starts[index]);

        public ReadOnlySpan<char> Phrase(int start, int words) => _chars.AsSpan(_starts[start], _ends[start + words - 1] - _starts[start]);

        public ReadOnlySpan<char> All => Count == 0 ? [] : Phrase(0, Count);

        private static T[] Ensure<T>(ref T[] buffer, int length)
        {
            if (buffer.Length < length)
            {
                buffer = new T[Math.Max(length, 2 * buffer.Length)];
            }
            return buffer;
        }
    }
}
