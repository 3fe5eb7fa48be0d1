using System.Text.RegularExpressions;
using JobWise.ApiService.Http;
using JobWise.Contracts;

namespace JobWise.ApiService.Validation;

/// <summary>
/// Checks a resume document: its shape and text (<see cref="ResumeDocumentShape"/>, shared with the renderer), a header
/// name, a mailable email, known section types, bounded sizes, http(s) links only.
/// </summary>
public static partial class ResumeValidator
{
    public const int MaxSections = 40;
    public const int MaxItemsPerSection = 100;
    public const int MaxListEntries = 100;
    public const int ShortText = 300;
    public const int LongText = 10_000;
    public const int UrlLength = 2048;

    public static void Validate(ValidationErrors errors, string field, ResumeDocument? document)
    {
        if (document is null)
        {
            errors.Add(field, "is required");
            return;
        }
        foreach (var (problemField, message) in ResumeDocumentShape.Problems(document, field))
        {
            errors.Add(problemField, message);
        }
        if (document.Language is { } language && !ResumeDates.IsKnownLanguage(language))
        {
            errors.Add($"{field}.language", "must be a language tag such as en, de or fr-CA");
        }
        var header = document.Header;
        if (header is not null)
        {
            errors.Required($"{field}.header.name", header.Name, ShortText);
            errors.MaxLength($"{field}.header.title", header.Title, ShortText);
            errors.Email($"{field}.header.email", header.Email);
            errors.MaxLength($"{field}.header.phone", header.Phone, 50);
            errors.MaxLength($"{field}.header.location", header.Location, ShortText);
            if (header.Address is { } address)
            {
                errors.MaxLength($"{field}.header.address.street", address.Street, ShortText);
                errors.MaxLength($"{field}.header.address.postal_code", address.PostalCode, 50);
                errors.MaxLength($"{field}.header.address.region", address.Region, ShortText);
                errors.MaxLength($"{field}.header.address.country_code", address.CountryCode, 50);
            }
            ValidateCount(errors, $"{field}.header.links", header.Links, 20);
            for (var i = 0; i < (header.Links?.Count ?? 0); i++)
            {
                if (header.Links![i] is not { } link)
                {
                    continue;
                }
                errors.MaxLength($"{field}.header.links[{i}].label", link.Label, ShortText);
                errors.MaxLength($"{field}.header.links[{i}].username", link.Username, ShortText);
                errors.HttpUrl($"{field}.header.links[{i}].url", link.Url, UrlLength);
            }
        }
        ValidateCount(errors, $"{field}.sections", document.Sections, MaxSections);
        for (var s = 0; s < (document.Sections?.Count ?? 0); s++)
        {
            ValidateSection(errors, $"{field}.sections[{s}]", document.Sections![s]);
        }
    }

    private static void ValidateSection(ValidationErrors errors, string field, ResumeSection? section)
    {
        if (section is null)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(section.Type))
        {
            errors.Add($"{field}.type", "is required");
        }
        else if (!SectionTypes.All.Contains(section.Type))
        {
            errors.Add($"{field}.type", $"must be one of {string.Join(", ", SectionTypes.All)}");
        }
        errors.MaxLength($"{field}.title", section.Title, ShortText);
        errors.MaxLength($"{field}.text", section.Text, LongText);
        ValidateCount(errors, $"{field}.groups", section.Groups, MaxListEntries);
        for (var g = 0; g < (section.Groups?.Count ?? 0); g++)
        {
            if (section.Groups![g] is not { } group)
            {
                continue;
            }
            errors.MaxLength($"{field}.groups[{g}].name", group.Name, ShortText);
            errors.MaxLength($"{field}.groups[{g}].level", group.Level, ShortText);
            ValidateStrings(errors, $"{field}.groups[{g}].items", group.Items, ShortText);
        }
        ValidateCount(errors, $"{field}.items", section.Items, MaxItemsPerSection);
        for (var i = 0; i < (section.Items?.Count ?? 0); i++)
        {
            ValidateItem(errors, $"{field}.items[{i}]", section.Items![i]);
        }
    }

    private static void ValidateItem(ValidationErrors errors, string field, ResumeItem? item)
    {
        if (item is null)
        {
            return;
        }
        foreach (var (name, value) in new[]
        {
            ("title", item.Title), ("organization", item.Organization), ("organization_description", item.OrganizationDescription),
            ("location", item.Location), ("start", item.Start),
            ("end", item.End), ("date", item.Date), ("institution", item.Institution), ("degree", item.Degree),
            ("field", item.Field), ("score", item.Score), ("name", item.Name), ("fluency", item.Fluency),
        })
        {
            errors.MaxLength($"{field}.{name}", value, ShortText);
        }
        foreach (var (name, value) in new[] { ("start", item.Start), ("end", item.End), ("date", item.Date) })
        {
            if (!string.IsNullOrEmpty(value) && !IsoPartialDate().IsMatch(value))
            {
                errors.Add($"{field}.{name}", "must be a date as YYYY, YYYY-MM or YYYY-MM-DD (leave end empty for the present)");
            }
        }
        errors.MaxLength($"{field}.description", item.Description, LongText);
        errors.HttpUrl($"{field}.url", item.Url, UrlLength);
        ValidateStrings(errors, $"{field}.highlights", item.Highlights, LongText);
        ValidateStrings(errors, $"{field}.courses", item.Courses, ShortText);
        ValidateStrings(errors, $"{field}.technologies", item.Technologies, ShortText);
        ValidateStrings(errors, $"{field}.keywords", item.Keywords, ShortText);
    }

    private static void ValidateStrings(ValidationErrors errors, string field, List<string>? values, int maxLength)
    {
        ValidateCount(errors, field, values, MaxListEntries);
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            errors.MaxLength($"{field}[{i}]", values![i], maxLength);
        }
    }

    [GeneratedRegex(@"^[12][0-9]{3}(-[01][0-9](-[0-3][0-9])?)?$")]
    private static partial Regex IsoPartialDate();

    private static void ValidateCount<T>(ValidationErrors errors, string field, List<T>? values, int max)
    {
        if (values is { Count: var count } && count > max)
        {
            errors.Add(field, $"must have at most {max} entries");
        }
    }
}
