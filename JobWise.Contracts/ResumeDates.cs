using System.Globalization;

namespace JobWise.Contracts;

/// <summary>
/// Dates as people write them on a resume: "Dec 2013 – Dec 2014", "12/2013 – Present", "2013 – 2014". The one
/// formatter behind the PDF, the DOCX and the ATS checker's expectations, so the three always agree. Document dates are
/// <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; anything else is shown as written.
/// </summary>
public static class ResumeDates
{
    public const string MonthYear = "MMM yyyy";
    public const string NumericMonthYear = "MM/yyyy";
    public const string YearOnly = "yyyy";
    public const string DefaultFormat = MonthYear;

    /// <summary>The values of the <c>date_format</c> render option.</summary>
    public static readonly IReadOnlyList<string> Formats = [MonthYear, NumericMonthYear, YearOnly];

    public const string DefaultLanguage = "en";

    // An en dash with spaces: what style guides and recruiters expect between two dates.
    private const string RangeSeparator = " – ";

    /// <summary>The word for an open end, by the language's two- or three-letter code; English when the language has none here.</summary>
    private static readonly Dictionary<string, string> PresentByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "Present", ["de"] = "heute", ["fr"] = "aujourd’hui", ["es"] = "actualidad", ["it"] = "presente",
        ["pt"] = "atual", ["nl"] = "heden", ["sv"] = "nu", ["da"] = "nu", ["nb"] = "nå", ["no"] = "nå", ["fi"] = "nyt",
        ["pl"] = "obecnie", ["cs"] = "současnost", ["tr"] = "günümüz", ["ru"] = "настоящее время", ["uk"] = "тепер",
        ["zh"] = "至今", ["ja"] = "現在", ["ko"] = "현재", ["vi"] = "nay",
    };

    public static bool IsFormat(string? format) => format is not null && Formats.Contains(format, StringComparer.Ordinal);

    /// <summary>"Start – End", "Start – Present" for an open end, one date when both read the same; null when neither is given.</summary>
    public static string? Range(string? start, string? end, string format, string? language)
    {
        var from = Single(start, format, language);
        var to = Single(end, format, language);
        return (from, to) switch
        {
            (null, null) => null,
            (not null, null) => from + RangeSeparator + Present(language),
            (null, not null) => to,
            _ when from == to => from,
            _ => from + RangeSeparator + to,
        };
    }

    /// <summary>One date in the format; a year alone stays a year, and text that is no ISO date is kept as written.</summary>
    public static string? Single(string? date, string format, string? language)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return null;
        }
        var value = date.Trim();
        if (!TryParse(value, out var year, out var month))
        {
            return value;
        }
        var yearText = year.ToString("D4", CultureInfo.InvariantCulture);
        if (month is not { } knownMonth || format == YearOnly)
        {
            return yearText;
        }
        return format == NumericMonthYear
            ? string.Create(CultureInfo.InvariantCulture, $"{knownMonth:D2}/{yearText}")
            // The month name alone, not DateTime formatting: some cultures' default calendars (Thai Buddhist) would change the year.
            : $"{Culture(language).DateTimeFormat.AbbreviatedMonthNames[knownMonth - 1]} {yearText}";
    }

    public static string Present(string? language)
    {
        var culture = Culture(language);
        return PresentByLanguage.GetValueOrDefault(culture.TwoLetterISOLanguageName)
            ?? PresentByLanguage.GetValueOrDefault(culture.ThreeLetterISOLanguageName)
            ?? PresentByLanguage[DefaultLanguage];
    }

    /// <summary>The culture of a BCP 47 tag (<c>en</c>, <c>de-DE</c>); English when the tag is missing or unknown.</summary>
    public static CultureInfo Culture(string? language)
    {
        if (!string.IsNullOrWhiteSpace(language) && IsKnownLanguage(language))
        {
            return CultureInfo.GetCultureInfo(language.Trim(), predefinedOnly: true);
        }
        return CultureInfo.GetCultureInfo(DefaultLanguage);
    }

    /// <summary>A tag the platform knows as a culture (ICU's list); the invariant culture is no language.</summary>
    public static bool IsKnownLanguage(string language)
    {
        if (language.Length is 0 or > 35 || language.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return false;
        }
        try
        {
            return CultureInfo.GetCultureInfo(language, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool TryParse(string value, out int year, out int? month)
    {
        year = 0;
        month = null;
        var parts = value.Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            return false;
        }
        if (parts.Length == 1)
        {
            return true;
        }
        if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsedMonth) || parsedMonth is < 1 or > 12)
        {
            return false;
        }
        if (parts.Length == 3 && (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return false;
        }
        month = parsedMonth;
        return true;
    }
}
