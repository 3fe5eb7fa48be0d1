namespace JobWise.ApiService.Tailoring;

/// <summary>
/// The lower-case word tokens of one text (see <see cref="TextTerms"/>), laid out as one run of characters with a
/// single space between tokens, so that any phrase of consecutive tokens is a span that can be looked up without
/// making a string. At most <see cref="TextTerms.MaxTokens"/> tokens of a text are kept. One instance is reused from
/// text to text, so scanning many texts allocates only for the longest of them.
/// </summary>
public sealed class TokenizedText
{
    private char[] _lowered = [];
    private char[] _chars = [];
    private int[] _starts = [];
    private int[] _ends = [];

    public int Count { get; private set; }

    public TokenizedText Load(string? text)
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
        var maxTokens = Math.Min(text.Length, TextTerms.MaxTokens);
        var starts = Ensure(ref _starts, maxTokens);
        var ends = Ensure(ref _ends, maxTokens);
        var length = 0;
        foreach (var match in TextTerms.TokenPattern().EnumerateMatches(source))
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

    /// <summary><paramref name="words"/> tokens from <paramref name="start"/>, joined by single spaces.</summary>
    public ReadOnlySpan<char> Phrase(int start, int words) => _chars.AsSpan(_starts[start], _ends[start + words - 1] - _starts[start]);

    /// <summary>Every token, joined by single spaces.</summary>
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
