using System.Text.RegularExpressions;

namespace JobWise.ApiService.Tailoring;

/// <summary>Splits text into lower-case word tokens that keep the punctuation skills carry: c#, c++, .net, node.js, ci/cd.</summary>
public static partial class TextTerms
{
    public static IReadOnlyList<string> Tokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        return Token().Matches(text.ToLowerInvariant())
            .Select(m => m.Value.TrimEnd('.', '/', '-'))
            .Where(t => t.Length > 0)
            .ToList();
    }

    /// <summary>Every run of 1..maxWords tokens, joined by single spaces.</summary>
    public static IEnumerable<(string Phrase, int Start, int Words)> Phrases(IReadOnlyList<string> tokens, int maxWords)
    {
        for (var start = 0; start < tokens.Count; start++)
        {
            for (var words = 1; words <= maxWords && start + words <= tokens.Count; words++)
            {
                yield return (string.Join(' ', tokens.Skip(start).Take(words)), start, words);
            }
        }
    }

    /// <summary>The canonical terms a text mentions, among <paramref name="vocabulary"/> (canonical terms).</summary>
    public static HashSet<string> Mentions(string? text, IReadOnlySet<string> vocabulary, int maxWords)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (phrase, _, _) in Phrases(Tokens(text), maxWords))
        {
            var canonical = TermVariants.Canonical(phrase);
            if (vocabulary.Contains(canonical))
            {
                found.Add(canonical);
            }
        }
        return found;
    }

    public static string Normalize(string term) => string.Join(' ', Tokens(term));

    public static IReadOnlyList<string> Sentences(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : SentenceEnd().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    [GeneratedRegex(@"[a-z0-9][a-z0-9+#./-]*|\.[a-z][a-z0-9]*|[+#]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9""(])")]
    private static partial Regex SentenceEnd();
}
