using System.Diagnostics.CodeAnalysis;

namespace JobWise.ApiService.Tailoring;

/// <summary>
/// Known terms by every spelling, each leading to its canonical term ("postgres" → "postgresql"), looked up by a
/// phrase's span so that scanning a text makes no strings. Spellings longer than <see cref="TextTerms.MaxPhraseWords"/>
/// words are left out, so a scan costs at most that many look-ups per token.
/// </summary>
public sealed class TermDictionary
{
    private const int CancellationCheckInterval = 1024;

    private readonly Dictionary<string, string> _canonicalBySpelling = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private TermDictionary() => _bySpan = _canonicalBySpelling.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The longest spelling, in words.</summary>
    public int MaxWords { get; private set; }

    /// <summary>Canonical terms, found by their own spelling and by every variant of them.</summary>
    public static TermDictionary Of(IEnumerable<string> canonicalTerms)
    {
        var dictionary = new TermDictionary();
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

    /// <summary>Every variant spelling, and besides them <paramref name="terms"/> (canonical, normalized).</summary>
    public static TermDictionary WithAllVariants(IEnumerable<string> terms)
    {
        var dictionary = new TermDictionary();
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

    public bool TryFind(TokenizedText text, int start, int words, [NotNullWhen(true)] out string? canonical) =>
        _bySpan.TryGetValue(text.Phrase(start, words), out canonical);

    /// <summary>Adds to <paramref name="found"/> each canonical term <paramref name="text"/> mentions, overlapping ones included.</summary>
    public void CollectMentions(TokenizedText text, HashSet<string> found, CancellationToken cancellationToken)
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
