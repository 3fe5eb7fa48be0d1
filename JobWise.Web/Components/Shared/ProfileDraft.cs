using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace JobWise.Web.Components.Shared;

/// <summary>
/// The profile being edited, carried in the form itself (a hidden copy of the document) so that the page holds no
/// server state and a failed save loses nothing. Field names are the document paths the API's errors use, without
/// the leading <c>content.</c> (<c>sections[2].items[0].start</c>).
/// </summary>
public static partial class ProfileDraft
{
    public const string FieldPrefix = "f:";

    /// <summary>The hidden copy of the document a form posted; null when it is missing or is not a JSON object.</summary>
    public static JsonObject? FromPosted(string? posted)
    {
        try
        {
            return string.IsNullOrEmpty(posted) ? null : JsonNode.Parse(posted) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>What a user without a profile starts from.</summary>
    public static JsonObject Empty(string name) => new() { ["header"] = new JsonObject { ["name"] = name }, ["sections"] = new JsonArray() };

    /// <summary>Which item fields each section type shows; the rest of an item is kept as it is.</summary>
    public static IReadOnlyList<string> ItemFields(string? sectionType) => sectionType switch
    {
        "experience" or "volunteer" => ["title", "organization", "location", "start", "end", "highlights"],
        "education" => ["institution", "degree", "field", "start", "end", "score", "courses", "highlights"],
        "projects" => ["name", "url", "description", "start", "end", "highlights", "technologies"],
        "certifications" => ["name", "organization", "date", "url"],
        "awards" => ["title", "organization", "date", "description"],
        "publications" => ["name", "organization", "date", "url", "description"],
        "languages" => ["name", "fluency"],
        "interests" => ["name", "keywords"],
        "references" => ["name", "description"],
        _ => ["title", "organization", "date", "description", "highlights"],
    };

    /// <summary>Lists edited as one line each in a text box; bullets (highlights) get an input each instead.</summary>
    public static bool IsList(string field) => field is "courses" or "technologies" or "keywords" or "items";

    public static bool IsBullets(string field) => field == "highlights";

    public static bool IsLongText(string field) => field is "description" or "text";

    public static bool HasGroups(string? sectionType) => sectionType == "skills";

    public static bool HasText(string? sectionType) => sectionType is "professional_summary" or "custom";

    public static bool HasItems(string? sectionType) => sectionType is not ("professional_summary" or "skills");

    public static readonly IReadOnlyList<string> SectionTypes =
    [
        "professional_summary", "skills", "experience", "education", "projects", "certifications", "awards",
        "publications", "languages", "volunteer", "interests", "references", "custom",
    ];

    public static string Label(string field) => field switch
    {
        "organization" => "Organisation",
        "start" => "Start (YYYY-MM)",
        "end" => "End (YYYY-MM, empty for now)",
        "date" => "Date (YYYY-MM)",
        "highlights" => "Bullets",
        "courses" => "Courses (one per line)",
        "technologies" => "Technologies (one per line)",
        "keywords" => "Keywords (one per line)",
        "items" => "Skills (one per line)",
        "url" => "URL",
        _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(field.Replace('_', ' ')),
    };

    public static string TypeLabel(string? type) => type is null ? "Section" : Label(type);

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static string Lines(JsonNode? node) => string.Join('\n', (node as JsonArray ?? []).Select(Text).OfType<string>());

    public static JsonArray Sections(JsonObject document) => document["sections"] as JsonArray ?? (JsonArray)(document["sections"] = new JsonArray());

    public static JsonObject Header(JsonObject document) => document["header"] as JsonObject ?? (JsonObject)(document["header"] = new JsonObject());

    /// <summary>Writes the posted field values into the document (lists from one line each).</summary>
    public static void Apply(JsonObject document, IEnumerable<KeyValuePair<string, string?>> fields)
    {
        foreach (var (name, value) in fields)
        {
            if (!name.StartsWith(FieldPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            var path = Parse(name[FieldPrefix.Length..]);
            if (path.Count == 0)
            {
                continue;
            }
            var container = Navigate(document, path.SkipLast(1));
            if (container is JsonArray list && path[^1] is int index && index < list.Count)
            {
                // One bullet; an emptied one stays (as "") until the save drops it, so its input does not vanish.
                list[index] = (value ?? "").Trim();
                continue;
            }
            if (container is not JsonObject parent || path[^1] is not string property)
            {
                continue;
            }
            parent[property] = IsList(property)
                ? new JsonArray((value ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).Select(line => (JsonNode?)line).ToArray())
                : string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
    }

    /// <summary>The id of a draft field's input (<c>sections[2].items[0].start</c> → <c>f-sections-2--items-0--start</c>).</summary>
    public static string InputId(string path) => "f-" + Slug(path);

    /// <summary>The id of the button that posts a command, so the focus can return to it.</summary>
    public static string CommandId(string command) => "c-" + Slug(command);

    private static string Slug(string text) => new(text.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());

    private static JsonArray ListOf(JsonNode? section, string name) =>
        section![name] as JsonArray ?? (JsonArray)(section[name] = new JsonArray());

    private static JsonNode? Navigate(JsonNode root, IEnumerable<object> path)
    {
        JsonNode? node = root;
        foreach (var step in path)
        {
            node = step switch
            {
                string property when node is JsonObject obj => obj[property],
                int index when node is JsonArray array && index < array.Count => array[index],
                _ => null,
            };
        }
        return node;
    }

    private static List<object> Parse(string path)
    {
        var steps = new List<object>();
        foreach (Match match in PathStep().Matches(path))
        {
            steps.Add(match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) : match.Groups["name"].Value);
        }
        return steps;
    }

    [GeneratedRegex(@"(?<name>[a-z_]+)|\[(?<index>\d{1,4})\]")]
    private static partial Regex PathStep();
}
