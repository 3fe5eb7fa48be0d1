using System.Globalization;
using System.Text.RegularExpressions;
using JobWise.Contracts;

namespace JobWise.Renderer.Templates;

/// <summary>Checks request options against one template's metadata; every error names its option (<c>options.accent_color</c>).</summary>
public static partial class RenderOptionsValidator
{
    private const string FallbackAccent = "#000000";

    public static ResolvedOptions? Resolve(TemplateMetadata template, RenderOptions? requested, IDictionary<string, string[]> errors)
    {
        requested ??= new RenderOptions();
        var defaults = template.DefaultOptions;
        var errorsBefore = errors.Count;

        RejectUnsupported(template, requested, errors);

        var fontFamily = requested.FontFamily ?? defaults.FontFamily ?? template.AllowedFonts.FirstOrDefault() ?? "Liberation Sans";
        if (!template.AllowedFonts.Contains(fontFamily, StringComparer.Ordinal))
        {
            Add(errors, RenderOptionNames.FontFamily, $"Font '{fontFamily}' is not offered by template '{template.Id}'; choose one of: {string.Join(", ", template.AllowedFonts)}.");
        }

        var accent = requested.AccentColor ?? defaults.AccentColor ?? FallbackAccent;
        if (!HexColour().IsMatch(accent))
        {
            Add(errors, RenderOptionNames.AccentColor, "Accent colour must be #RRGGBB, for example #2563EB.");
        }

        var fontSize = CheckRange(RenderOptionNames.FontSize, requested.FontSize ?? defaults.FontSize ?? 11, template.Limits.FontSize, "pt", errors);
        var lineSpacing = CheckRange(RenderOptionNames.LineSpacing, requested.LineSpacing ?? defaults.LineSpacing ?? 1.2, template.Limits.LineSpacing, "", errors);
        var margins = CheckRange(RenderOptionNames.Margins, requested.Margins ?? defaults.Margins ?? 18, template.Limits.Margins, "mm", errors);

        var pageSize = requested.PageSize ?? defaults.PageSize ?? PageSizes.A4;
        var knownSize = template.Limits.PageSizes.FirstOrDefault(size => string.Equals(size, pageSize, StringComparison.OrdinalIgnoreCase));
        if (knownSize is null)
        {
            Add(errors, RenderOptionNames.PageSize, $"Page size must be one of: {string.Join(", ", template.Limits.PageSizes)}.");
        }

        var dateFormat = requested.DateFormat ?? defaults.DateFormat ?? ResumeDates.DefaultFormat;
        if (!ResumeDates.IsFormat(dateFormat))
        {
            Add(errors, RenderOptionNames.DateFormat, $"Date format must be one of: {string.Join(", ", ResumeDates.Formats)}.");
        }

        return errors.Count > errorsBefore
            ? null
            : new ResolvedOptions(fontFamily, accent.ToUpperInvariant(), fontSize, lineSpacing, margins, knownSize!, dateFormat);
    }

    private static void RejectUnsupported(TemplateMetadata template, RenderOptions requested, IDictionary<string, string[]> errors)
    {
        var given = new (string Name, bool IsSet)[]
        {
            (RenderOptionNames.FontFamily, requested.FontFamily is not null),
            (RenderOptionNames.AccentColor, requested.AccentColor is not null),
            (RenderOptionNames.FontSize, requested.FontSize is not null),
            (RenderOptionNames.LineSpacing, requested.LineSpacing is not null),
            (RenderOptionNames.Margins, requested.Margins is not null),
            (RenderOptionNames.PageSize, requested.PageSize is not null),
            (RenderOptionNames.DateFormat, requested.DateFormat is not null),
        };
        foreach (var (name, _) in given.Where(option => option.IsSet && !template.SupportedOptions.Contains(option.Name)))
        {
            Add(errors, name, $"Template '{template.Id}' does not support the option '{name}'.");
        }
    }

    private static double CheckRange(string name, double value, NumberRange range, string unit, IDictionary<string, string[]> errors)
    {
        if (!double.IsFinite(value) || !range.Contains(value))
        {
            Add(errors, name, string.Create(CultureInfo.InvariantCulture, $"{name} must be between {range.Min}{unit} and {range.Max}{unit}."));
        }
        return value;
    }

    private static void Add(IDictionary<string, string[]> errors, string option, string message)
    {
        var key = $"options.{option}";
        errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
    }

    // \z, not $: $ also matches before a final newline, and "#FFFFFF\n" is no colour for CSS or Word.
    [GeneratedRegex(@"^#[0-9A-Fa-f]{6}\z")]
    private static partial Regex HexColour();
}
