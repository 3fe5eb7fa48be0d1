using System.Text.Json.Serialization;
using System.Text.Json;
using JobWise.ApiService.Http;
using JobWise.Contracts;

namespace JobWise.ApiService.Validation;

/// <summary>
/// Reads every JSON string of a request body under <see cref="PlainText"/>'s rule, so that no handler sees a NUL, a
/// non-character or a lone surrogate. The <see cref="JsonException"/> it throws carries the field's path, which
/// <see cref="Infrastructure.BadRequestExceptionHandler"/> turns into a 400 naming the field. Only request bodies are
/// read with it: stored documents are read as they were written.
/// </summary>
public sealed class PlainTextJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("must be a string");
        }
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escape such as \ud800 that encodes half a character: System.Text.Json cannot make a string of it.
            throw new JsonException("must not contain an unpaired surrogate escape; it is not text");
        }
        return PlainText.Problem(value) is { } problem ? throw new JsonException(problem) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
