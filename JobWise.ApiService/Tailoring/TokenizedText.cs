using System.Buffers;

namespace JobWise.ApiService.Tailoring;

/// <summary>
/// The lower-case word tokens of one text (see <see cref="TextTerms"/>), laid out as one run of characters with a
/// single space between tokens, so that a token or a phrase is a span that can be looked up without making a string.
/// At most <see cref="TextTerms.MaxTokens"/> tokens of a text are kept. One instance is reused from text to text, so
/// scanning many texts allocates only for the longest of them.
/// </summary>
public sealed class TokenizedText
{
    private static readonly SearchValues<char> TokenStarts = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789.+#");
    private static readonly SearchValues<char> WordChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789+#./-");
    private static readonly SearchValues<char> LettersAndDigits = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");
    private static readonly SearchValues<char> PlusAndHash = SearchValues.Create("+#");

    private char[] _lowered = [];
    private char[] _chars = [];
    private int[] _starts = [];
    private int[] _ends = [];
    private int[] _ids = [];

    public int Count { get; private set; }

    /// <summary>Tokenizes <paramref name="text"/>, keeping at most <paramref name="maxTokens"/> tokens (fewer when only a few matter).</summary>
    public TokenizedText Load(string? text, int maxTokens = TextTerms.MaxTokens)
    {
        Count = 0;
        if (string.IsNullOrEmpty(text))
        {
            return this;
        }
        var source = Ensure(ref _lowered, text.Length).AsSpan(0, text.Length);
        text.AsSpan().ToLowerInvariant(source);
        // A token is never longer than its source, and each has at most one space before it.
        var chars = Ensure(ref _chars, 2 * text.Length);
        maxTokens = Math.Min(text.Length, Math.Min(maxTokens, TextTerms.MaxTokens));
        var starts = Ensure(ref _starts, maxTokens);
        var ends = Ensure(ref _ends, maxTokens);
        var length = 0;
        var at = 0;
        while (Count < maxTokens && NextToken(source, ref at) is var (start, end))
        {
            var token = source[start..end].TrimEnd(TextTerms.TrailingPunctuation);
            if (token.IsEmpty)
            {
                continue;
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

    /// <summary><paramref name="words"/> tokens from <paramref name="start"/>, joined by single spaces.</summary>
    public ReadOnlySpan<char> Phrase(int start, int words) => _chars.AsSpan(_starts[start], _ends[start + words - 1] - _starts[start]);

    /// <summary>Every token, joined by single spaces.</summary>
    public ReadOnlySpan<char> All => Count == 0 ? [] : Phrase(0, Count);

    /// <summary>Each token's id in <paramref name="wordIds"/>, 0 for a word it lacks; valid until the next <see cref="Load"/>.</summary>
    public ReadOnlySpan<int> WordIds(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> wordIds)
    {
        var ids = Ensure(ref _ids, Count).AsSpan(0, Count);
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = wordIds.TryGetValue(Token(i), out var id) ? id : 0;
        }
        return ids;
    }

    /// <summary>
    /// The next match of <c>[a-z0-9][a-z0-9+#./-]*|\.[a-z][a-z0-9]*|[+#]+</c> at or after <paramref name="at"/>, the
    /// leftmost and, of those, the first alternative, as a regular expression finds it; null when there is none.
    /// </summary>
    private static (int Start, int End)? NextToken(ReadOnlySpan<char> text, ref int at)
    {
        while (at < text.Length)
        {
            var skipped = text[at..].IndexOfAny(TokenStarts);
            if (skipped < 0)
            {
                break;
            }
            var start = at + skipped;
            var first = text[start];
            var end = first switch
            {
                '.' when start + 1 < text.Length && char.IsAsciiLetterLower(text[start + 1]) => RunEnd(text, start + 2, LettersAndDigits),
                '.' => -1,
                '+' or '#' => RunEnd(text, start + 1, PlusAndHash),
                _ => RunEnd(text, start + 1, WordChars),
            };
            if (end < 0)
            {
                at = start + 1;
                continue;
            }
            at = end;
            return (start, end);
        }
        at = text.Length;
        return null;
    }

    private static int RunEnd(ReadOnlySpan<char> text, int from, SearchValues<char> chars)
    {
        var length = from < text.Length ? text[from..].IndexOfAnyExcept(chars) : 0;
        return length < 0 ? text.Length : from + length;
    }

    private static T[] Ensure<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[Math.Max(length, 2 * buffer.Length)];
        }
        return buffer;
    }
}
