namespace JobWise.ApiService.Tailoring;

/// <summary>
/// Known terms by every spelling, each leading to its canonical term ("postgres" → "postgresql"). Each word of a
/// spelling has an integer id, and the spellings form a trie over those ids, so that scanning a text looks each token up
/// once and then only follows integer edges: from each token at most as many as the longest spelling has words, and
/// none past a word no spelling has. Spellings longer than <see cref="TextTerms.MaxPhraseWords"/> words are left out.
/// </summary>
public sealed class TermDictionary
{
    private const int CancellationCheckInterval = 1024;
    private const int NoTerm = -1;
    private const int Root = 0;

    // Word ids start at 1: 0 stands for every word no spelling has.
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordIdsBySpan;
    private readonly TrieEdges _childOf = new();
    private readonly List<int> _termAtNode = [NoTerm];
    private readonly List<string> _terms = [];
    private readonly Dictionary<string, int> _termIndex = new(StringComparer.Ordinal);

    private TermDictionary() => _wordIdsBySpan = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The longest spelling, in words.</summary>
    public int MaxWords { get; private set; }

    /// <summary>How many canonical terms there are; each has an index below this.</summary>
    public int Count => _terms.Count;

    public string Term(int index) => _terms[index];

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

    /// <summary>The ids of <paramref name="text"/>'s words, for <see cref="LengthsAt"/> and <see cref="TermAt"/>.</summary>
    public ReadOnlySpan<int> WordIds(TokenizedText text) => text.WordIds(_wordIdsBySpan);

    /// <summary>Bit (w - 1) is set when a spelling of w words starts at <paramref name="start"/>.</summary>
    public uint LengthsAt(ReadOnlySpan<int> wordIds, int start)
    {
        var lengths = 0u;
        var node = Root;
        var end = Math.Min(wordIds.Length, start + MaxWords);
        for (var at = start; at < end && Step(ref node, wordIds[at]); at++)
        {
            if (_termAtNode[node] != NoTerm)
            {
                lengths |= 1u << (at - start);
            }
        }
        return lengths;
    }

    /// <summary>The index of the term spelled by <paramref name="words"/> words from <paramref name="start"/>, or -1.</summary>
    public int TermAt(ReadOnlySpan<int> wordIds, int start, int words)
    {
        var node = Root;
        for (var at = start; at < start + words; at++)
        {
            if (!Step(ref node, wordIds[at]))
            {
                return NoTerm;
            }
        }
        return _termAtNode[node];
    }

    /// <summary>Adds to <paramref name="found"/> each term <paramref name="text"/> mentions, overlapping ones included, in the order they start.</summary>
    public void CollectMentions(TokenizedText text, FoundTerms found, CancellationToken cancellationToken)
    {
        var wordIds = WordIds(text);
        for (var start = 0; start < wordIds.Length; start++)
        {
            if (start % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var node = Root;
            var end = Math.Min(wordIds.Length, start + MaxWords);
            for (var at = start; at < end && Step(ref node, wordIds[at]); at++)
            {
                if (_termAtNode[node] is var term and not NoTerm)
                {
                    found.Add(term);
                }
            }
        }
    }

    /// <summary>The canonical terms <paramref name="text"/> mentions.</summary>
    public HashSet<string> MentionedIn(TokenizedText text, CancellationToken cancellationToken)
    {
        var found = new FoundTerms(Count);
        CollectMentions(text, found, cancellationToken);
        return found.Terms.Select(Term).ToHashSet(StringComparer.Ordinal);
    }

    private bool Step(ref int node, int wordId) => wordId != 0 && _childOf.TryGet(node, wordId, out node);

    private void Add(string spelling, string canonical)
    {
        var words = spelling.AsSpan().Count(' ') + 1;
        if (spelling.Length == 0 || words > TextTerms.MaxPhraseWords)
        {
            return;
        }
        MaxWords = Math.Max(MaxWords, words);
        var node = Root;
        foreach (var range in spelling.AsSpan().Split(' '))
        {
            var word = spelling.AsSpan()[range];
            if (word.IsEmpty)
            {
                // Tokens are never empty, so a spelling with two spaces in a row is never found.
                return;
            }
            if (!_wordIdsBySpan.TryGetValue(word, out var wordId))
            {
                wordId = _wordIds.Count + 1;
                _wordIdsBySpan[word] = wordId;
            }
            if (!_childOf.TryGet(node, wordId, out var child))
            {
                child = _termAtNode.Count;
                _termAtNode.Add(NoTerm);
                _childOf.Add(node, wordId, child);
            }
            node = child;
        }
        // The first spelling added wins, as with a dictionary's TryAdd.
        if (_termAtNode[node] == NoTerm)
        {
            if (!_termIndex.TryGetValue(canonical, out var term))
            {
                term = _terms.Count;
                _terms.Add(canonical);
                _termIndex[canonical] = term;
            }
            _termAtNode[node] = term;
        }
    }
}
