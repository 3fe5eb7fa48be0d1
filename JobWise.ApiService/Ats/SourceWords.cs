using JobWise.ApiService.Tailoring;
using JobWise.Contracts;

namespace JobWise.ApiService.Ats;

/// <summary>The source document's words against the words of the text a parser extracted: what was lost or garbled.</summary>
public static class SourceWords
{
    /// <summary>
    /// How many of the source's words the extracted text has, and a sample of those it lacks. Words are compared as
    /// spans of the folded texts, so only the lost ones become strings.
    /// </summary>
    public static (int Found, int Total, List<string> Lost) Compare(ResumeDocument source, string foldedText)
    {
        var available = new Dictionary<string, int>(StringComparer.Ordinal);
        var availableBySpan = available.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in foldedText.AsSpan().Split(' '))
        {
            var word = Word(foldedText.AsSpan()[range]);
            if (!word.IsEmpty)
            {
                availableBySpan[word] = availableBySpan.TryGetValue(word, out var count) ? count + 1 : 1;
            }
        }
        var lost = new List<string>();
        var lostOnce = new HashSet<string>(StringComparer.Ordinal);
        var found = 0;
        var total = 0;
        foreach (var sourceText in ProfileVocabulary.AllText(source).Prepend(source.Header.Name))
        {
            var folded = AtsChecker.Fold(sourceText ?? "");
            foreach (var range in folded.AsSpan().Split(' '))
            {
                var word = Word(folded.AsSpan()[range]);
                if (word.IsEmpty)
                {
                    continue;
                }
                total++;
                if (availableBySpan.TryGetValue(word, out var count) && count > 0)
                {
                    availableBySpan[word] = count - 1;
                    found++;
                }
                else if (!availableBySpan.ContainsKey(word))
                {
                    var missing = word.ToString();
                    if (lostOnce.Add(missing))
                    {
                        lost.Add(missing);
                    }
                }
                else
                {
                    // Repeated more often in the source than the file shows: count it found, the file may merge repeats.
                    found++;
                }
            }
        }
        return (found, total, lost);
    }

    /// <summary>A word of folded text without the punctuation around it; empty when it is too short to compare.</summary>
    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> token)
    {
        var word = token.Trim(".,;:()\"'•–—|·!?");
        return word.Length > 1 ? word : [];
    }
}
