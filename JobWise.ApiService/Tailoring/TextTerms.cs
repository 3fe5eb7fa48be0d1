using System.Text.RegularExpressions;

namespace JobWise.ApiService.Tailoring;

/// <summary>
/// How text splits into lower-case word tokens that keep the punctuation skills carry (c#, c++, .net, node.js, ci/cd):
/// a token is a match of <c>[a-z0-9][a-z0-9+#./-]*|\.[a-z][a-z0-9]*|[+#]+</c> in the lower-cased text, without
/// trailing <see cref="TrailingPunctuation"/> (scanned by <see cref="TokenizedText"/>); and the bounds that keep looking
/// for terms in a text linear in its length.
/// </summary>
public static partial class TextTerms
{
    /// <summary>
    /// The longest term, in words, looked for in a text. Skills, tools and titles are a few words; a longer "skill" is
    /// a sentence, and looking for it would multiply the work by its length.
    /// </summary>
    public const int MaxPhraseWords = 8;

    /// <summary>
    /// Words of one text that are considered: more than the 50,000 characters of the longest posting hold in ordinary
    /// prose (about 8,000), so only text made to be expensive is cut.
    /// </summary>
    public const int MaxTokens = 10_000;

    public static ReadOnlySpan<char> TrailingPunctuation => "./-";

    public static IReadOnlyList<string> Sentences(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : SentenceEnd().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9""(])")]
    private static partial Regex SentenceEnd();
}
