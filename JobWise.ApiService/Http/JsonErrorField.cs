using System.Text.Json;

namespace JobWise.ApiService.Http;

/// <summary>Turns a JSON reader's error into the field name and message a client can act on.</summary>
public static class JsonErrorField
{
    /// <summary><c>$.content.sections[0].type</c> → <c>content.sections[0].type</c>; the whole body is <c>body</c>.</summary>
    public static string From(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "body";
        }
        var field = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return field.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
    }

    public static string Describe(JsonException exception) =>
        exception.Message.Split(" Path:", 2)[0].Split(". LineNumber", 2)[0];
}
