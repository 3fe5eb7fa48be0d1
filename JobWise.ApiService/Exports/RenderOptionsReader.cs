using System.Text.Json;
using System.Text.Json.Nodes;
using JobWise.ApiService.Validation;
using JobWise.Contracts;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Reads the <c>options</c> object of an export request: unknown names, wrong JSON types, numbers beyond a double and
/// text that is not plain text are refused here; whether a value is allowed for the chosen template is the renderer's
/// call, against the template's metadata.
/// </summary>
public static class RenderOptionsReader
{
    private static readonly Dictionary<string, JsonValueKind> Known = RenderOptionNames.All.ToDictionary(
        name => name, name => RenderOptionNames.Numbers.Contains(name) ? JsonValueKind.Number : JsonValueKind.String);

    public static RenderOptions? Read(JsonObject? options, ValidationErrors errors)
    {
        if (options is null)
        {
            return null;
        }
        List<KeyValuePair<string, JsonNode?>> entries;
        try
        {
            entries = [.. options];
        }
        catch (InvalidOperationException)
        {
            // The object is parsed lazily: a name with a lone surrogate escape (\ud800) fails only when it is read.
            errors.Add("options", "has a name that is not text (an unpaired surrogate escape)");
            return null;
        }
        foreach (var (name, value) in entries)
        {
            if (!Known.TryGetValue(name, out var kind))
            {
                errors.Add($"options.{Named(name)}", $"is not an option; the options are {string.Join(", ", Known.Keys)}");
            }
            else if (value is not null && value.GetValueKind() != kind)
            {
                errors.Add($"options.{name}", kind == JsonValueKind.Number ? "must be a number" : "must be a string");
            }
            else if (value is not null && Problem(value, kind) is { } problem)
            {
                errors.Add($"options.{name}", problem);
            }
        }
        return errors.Any ? null : options.Deserialize<RenderOptions>(ContractJson.Options);
    }

    private static string? Problem(JsonNode value, JsonValueKind kind)
    {
        if (kind == JsonValueKind.Number)
        {
            // 1e400 reads as infinity, which no layout can use and JSON cannot carry on to the renderer.
            return double.IsFinite(value.GetValue<double>()) ? null : "must be a finite number";
        }
        try
        {
            return PlainText.Problem(value.GetValue<string>());
        }
        catch (InvalidOperationException)
        {
            return "must not contain an unpaired surrogate escape; it is not text";
        }
    }

    /// <summary>An unknown name as it may appear in a field path: plain text, else left out.</summary>
    private static string Named(string name) => PlainText.Problem(name) is null ? name : "?";
}
