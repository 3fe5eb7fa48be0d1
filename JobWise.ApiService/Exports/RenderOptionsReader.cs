using System.Text.Json;
using System.Text.Json.Nodes;
using JobWise.ApiService.Validation;
using JobWise.Contracts;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Reads the <c>options</c> object of an export request: unknown names and wrong JSON types are refused here;
/// whether a value is allowed for the chosen template is the renderer's call, against the template's metadata.
/// </summary>
public static class RenderOptionsReader
{
    private static readonly Dictionary<string, JsonValueKind> Known = new()
    {
        ["font_family"] = JsonValueKind.String,
        ["accent_color"] = JsonValueKind.String,
        ["font_size"] = JsonValueKind.Number,
        ["line_spacing"] = JsonValueKind.Number,
        ["margins"] = JsonValueKind.Number,
        ["page_size"] = JsonValueKind.String,
    };

    public static RenderOptions? Read(JsonObject? options, ValidationErrors errors)
    {
        if (options is null)
        {
            return null;
        }
        foreach (var (name, value) in options)
        {
            if (!Known.TryGetValue(name, out var kind))
            {
                errors.Add($"options.{name}", $"is not an option; the options are {string.Join(", ", Known.Keys)}");
            }
            else if (value is not null && value.GetValueKind() != kind)
            {
                errors.Add($"options.{name}", kind == JsonValueKind.Number ? "must be a number" : "must be a string");
            }
        }
        return errors.Any ? null : options.Deserialize<RenderOptions>(ContractJson.Options);
    }
}
