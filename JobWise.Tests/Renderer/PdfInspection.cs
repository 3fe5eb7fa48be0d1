using System.Text;
using UglyToad.PdfPig;

namespace JobWise.Tests.Renderer;

/// <summary>What a real PDF reader (PdfPig) sees in a rendered PDF.</summary>
public static class PdfInspection
{
    /// <summary>All text in page and content order, lower-cased and without whitespace, so line wrapping does not matter.</summary>
    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Normalise(string.Concat(document.GetPages().Select(page => page.Text)));
    }

    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text.Where(character => !char.IsWhiteSpace(character)))
        {
            builder.Append(char.ToLowerInvariant(character));
        }
        return builder.ToString();
    }

    /// <summary>Asserts each expected string appears, each after the previous one.</summary>
    public static void AssertInOrder(string text, IEnumerable<string> expected)
    {
        var position = 0;
        foreach (var item in expected)
        {
            var needle = Normalise(item);
            var found = text.IndexOf(needle, position, StringComparison.Ordinal);
            Assert.True(found >= 0,
                text.Contains(needle, StringComparison.Ordinal)
                    ? $"'{item}' appears, but not after the previous item (reading order broken near offset {position})."
                    : $"'{item}' is missing from the PDF text.");
            position = found + needle.Length;
        }
    }
}
