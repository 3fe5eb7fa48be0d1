using System.Globalization;
using System.Text;

namespace JobWise.ApiService.Exports;

/// <summary>File names a person would keep: <c>Jordan_Rivera_Northwind_modern_2026-11-26.pdf</c>, safe characters only.</summary>
public static class ExportFileNames
{
    private const int MaxPartLength = 60;

    public static string For(string? personName, string? company, string template, DateTimeOffset createdAt, string extension)
    {
        var parts = new[] { personName, company, template }
            .Select(Safe)
            .Where(part => part.Length > 0)
            .Append(createdAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return $"{string.Join('_', parts)}.{extension}";
    }

    /// <summary>Letters and digits (accents folded away), with runs of anything else as one underscore.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var folded = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }
        var safe = builder.ToString().Trim('_');
        return safe.Length > MaxPartLength ? safe[..MaxPartLength].TrimEnd('_') : safe;
    }
}
