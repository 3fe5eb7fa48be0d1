using System.Text;
using System.Text.Json.Nodes;

namespace JobWise.Tests.Api.Hostile;

/// <summary>The ids a generated request may aim at: the caller's own, and a second user's that must stay out of reach.</summary>
public sealed record HostileTargets(
    Guid OwnJobId, Guid OwnGenerationId, Guid OwnExportId, Guid OtherJobId, Guid OtherGenerationId, Guid OtherExportId, string OwnEmail);

/// <summary>
/// Generates hostile and malformed requests for every operation of an OpenAPI document: every path and query parameter
/// with boundary, injection and foreign-id values; every request body with null in every position and NUL and a lone
/// surrogate in every string, and a seeded sample
/// of wrong types, huge, control and non-character strings and injections at every position of a body that is otherwise
/// valid (so that the attack reaches deep validation); malformed JSON, deep nesting and wrong content types.
/// </summary>
public sealed class HostileRequestGenerator(JsonNode openApi, HostileTargets targets)
{
    /// <summary>Stands for an unpaired surrogate, which no .NET string can be written out as: replaced by <c>\ud800</c> in the JSON text.</summary>
    private const string LoneSurrogate = "\u0001LONE-SURROGATE\u0001";
    private const int SampledMutationsPerBody = 30;
    private const int MaxSchemaDepth = 8;
    private readonly Random _random = new(20261126);

    private static readonly string[] InjectionStrings =
    [
        "' OR '1'='1' --", "'; DROP TABLE jobs; --", "1; SELECT pg_sleep(10)", "{{ 7 | times: 7 }}", "{% for i in (1..100000000) %}x{% endfor %}",
        "{% include '../../../etc/passwd' %}", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</style><h1>x",
        "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "file:///etc/passwd", "javascript:alert(1)", "${jndi:ldap://x/a}",
        "%00", "\u202Eevil.pdf", "ﷺ\u0301\u0301\u0301", "😀👨‍👩‍👧", "a(comment)@example.com", "\"quoted\"@example.com",
    ];

    private static readonly string[] ControlStrings = ["A\u0000B", "A\u0007B", "\u001b[31m", "A\uFFFEB", "A\uFFFFB", "A\uFDD0B", $"A{LoneSurrogate}B", "\uDBFF\uDFFF"];

    private static readonly string[] BoundaryNumbers = ["0", "-1", "2147483647", "2147483648", "-2147483649", "1e308", "-1e308", "1e400", "0.5", "1e-400"];

    private static readonly string[] TextParameterValues =
    [
        "0", "-1", "2147483647", "2147483648", "1e308", "NaN", "Infinity", "", "%00", "%FF%FE", "' OR 1=1--", "{{7*7}}",
        "<script>alert(1)</script>", "../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%E2%80%AE", new string('a', 5000),
    ];

    public IReadOnlyList<HostileRequest> Generate()
    {
        var requests = new List<HostileRequest>();
        foreach (var (path, item) in openApi["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(entry => entry.Key is "get" or "post" or "put" or "delete" or "patch"))
            {
                var parameters = (item["parameters"]?.AsArray() ?? []).Concat(operation!["parameters"]?.AsArray() ?? []).OfType<JsonNode>().ToList();
                var httpMethod = new HttpMethod(method.ToUpperInvariant());
                var bodySchema = operation!["requestBody"]?["content"]?["application/json"]?["schema"];
                requests.AddRange(ForParameters(httpMethod, path, parameters, bodySchema));
                if (bodySchema is not null)
                {
                    requests.AddRange(ForBody(httpMethod, Fill(path, parameters), bodySchema));
                }
            }
        }
        return requests;
    }

    private IEnumerable<HostileRequest> ForParameters(HttpMethod method, string path, List<JsonNode> parameters, JsonNode? bodySchema)
    {
        var body = bodySchema is null ? null : Encoding.UTF8.GetBytes(Baseline(bodySchema, "", 0)?.ToJsonString() ?? "{}");
        var contentType = body is null ? null : "application/json";
        foreach (var parameter in parameters)
        {
            var name = parameter["name"]!.GetValue<string>();
            var where = parameter["in"]!.GetValue<string>();
            foreach (var (attack, value) in ParameterValues(method, name))
            {
                var target = where switch
                {
                    // Kestrel refuses a NUL in the path itself (400) before routing; the in-memory test server throws instead.
                    "path" when value.Contains("%00", StringComparison.Ordinal) => null,
                    "path" => Fill(path.Replace($"{{{name}}}", value, StringComparison.Ordinal), parameters),
                    "query" => $"{Fill(path, parameters)}?{name}={value}",
                    _ => null,
                };
                if (target is not null)
                {
                    yield return new HostileRequest($"{where} {name} = {attack}", method, target, body, contentType);
                }
            }
        }
        yield return new HostileRequest("unknown and repeated query parameters", method,
            $"{Fill(path, parameters)}?limit=1&limit=-1&unknown=%00&__proto__=1", body, contentType);
    }

    /// <summary>Path parameters filled with values that reach the handler: the caller's own ids, a known template.</summary>
    private string Fill(string path, List<JsonNode> parameters)
    {
        foreach (var parameter in parameters.Where(p => p["in"]?.GetValue<string>() == "path"))
        {
            var name = parameter["name"]!.GetValue<string>();
            var value = name switch
            {
                "jobId" => targets.OwnJobId.ToString(),
                "key" => $"exports/{Guid.NewGuid():N}/{Guid.NewGuid():N}.pdf",
                "id" when path.Contains("/templates/", StringComparison.Ordinal) => "modern",
                "id" when path.StartsWith("/api/v1/jobs", StringComparison.Ordinal) => targets.OwnJobId.ToString(),
                "id" when path.StartsWith("/api/v1/generations", StringComparison.Ordinal) => targets.OwnGenerationId.ToString(),
                _ => targets.OwnExportId.ToString(),
            };
            path = path.Replace($"{{{name}}}", value, StringComparison.Ordinal);
        }
        return path;
    }

    private IEnumerable<(string Attack, string Value)> ParameterValues(HttpMethod method, string name)
    {
        foreach (var value in TextParameterValues)
        {
            // Values with % are sent as written (already URL-encoded bytes); the rest are encoded.
            yield return (value.Length > 40 ? $"{value.Length} characters" : value, value.Contains('%') ? value : Uri.EscapeDataString(value));
        }
        foreach (var (owner, id) in new[]
        {
            ("another user's job", targets.OtherJobId), ("another user's generation", targets.OtherGenerationId),
            ("another user's export", targets.OtherExportId), ("an unknown id", Guid.NewGuid()), ("the empty id", Guid.Empty),
        })
        {
            yield return (owner, id.ToString());
        }
        // The caller's own ids for reads only: a hostile run must not delete the data it compares against.
        if (method == HttpMethod.Get && name is "id" or "jobId" or "job_id")
        {
            yield return ("own job", targets.OwnJobId.ToString());
            yield return ("own export", targets.OwnExportId.ToString());
        }
    }

    private IEnumerable<HostileRequest> ForBody(HttpMethod method, string path, JsonNode schema)
    {
        var baseline = Baseline(schema, "", 0) ?? new JsonObject();
        foreach (var (attack, body, contentType) in MalformedBodies(baseline))
        {
            yield return new HostileRequest(attack, method, path, body, contentType);
        }
        var positions = Positions(baseline, "$").ToList();
        // Null in every position, and a NUL and a lone surrogate in every string, always.
        foreach (var position in positions)
        {
            yield return Mutated(method, path, baseline, position, "null", null);
            if (position.Node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                yield return Mutated(method, path, baseline, position, "\"A\\u0000B\"", JsonValue.Create("A\u0000B"));
                yield return Mutated(method, path, baseline, position, "\"A\\ud800B\"", JsonValue.Create($"A{LoneSurrogate}B"));
            }
        }
        var mutations = positions
            .SelectMany(position => HostileValues(position.Node).Select(value => (position, value)))
            .OrderBy(_ => _random.Next())
            .Take(SampledMutationsPerBody);
        foreach (var (position, (attack, value)) in mutations)
        {
            yield return Mutated(method, path, baseline, position, attack, value);
        }
        foreach (var (attack, value) in ForeignIds())
        {
            foreach (var position in positions.Where(p => p.Path.EndsWith("_id", StringComparison.Ordinal)))
            {
                yield return Mutated(method, path, baseline, position, attack, value);
            }
        }
    }

    private HostileRequest Mutated(HttpMethod method, string path, JsonNode baseline, (string Path, JsonNode? Node) position, string attack, JsonNode? value)
    {
        var copy = baseline.DeepClone();
        if (position.Path == "$")
        {
            copy = value;
        }
        else
        {
            Replace(copy!, position.Path, value);
        }
        var json = (copy?.ToJsonString() ?? "null").Replace(LoneSurrogate.Replace("\u0001", "\\u0001", StringComparison.Ordinal), "\\ud800", StringComparison.Ordinal);
        return new HostileRequest($"{position.Path} = {attack}", method, path, Encoding.UTF8.GetBytes(json), "application/json");
    }

    private IEnumerable<(string Attack, JsonNode? Value)> ForeignIds() =>
    [
        ("another user's job", JsonValue.Create(targets.OtherJobId)), ("another user's generation", JsonValue.Create(targets.OtherGenerationId)),
        ("another user's export", JsonValue.Create(targets.OtherExportId)), ("the empty id", JsonValue.Create(Guid.Empty)),
    ];

    private static IEnumerable<(string Attack, JsonNode? Value)> HostileValues(JsonNode? node)
    {
        yield return ("true", JsonValue.Create(true));
        yield return ("an object", new JsonObject { ["a"] = 1 });
        yield return ("an array", new JsonArray(1, "x", null));
        yield return ("[null]", new JsonArray((JsonNode?)null));
        foreach (var number in BoundaryNumbers)
        {
            yield return (number, JsonNode.Parse(number));
        }
        foreach (var text in InjectionStrings.Concat(ControlStrings).Concat(["NaN", "Infinity", "-0", "", "   "]))
        {
            yield return ($"\"{Printable(text)}\"", JsonValue.Create(text));
        }
        yield return ("a 200,000-character string", JsonValue.Create(new string('W', 200_000)));
        yield return ("a 10,000-word string", JsonValue.Create(string.Join(' ', Enumerable.Repeat("pneumonoultramicroscopic", 10_000))));
        if (node is JsonArray)
        {
            yield return ("10,000 entries", new JsonArray(Enumerable.Repeat(0, 10_000).Select(_ => (JsonNode?)JsonValue.Create("x")).ToArray()));
        }
    }

    private static IEnumerable<(string Attack, byte[] Body, string? ContentType)> MalformedBodies(JsonNode baseline)
    {
        var valid = baseline.ToJsonString();
        (string, string)[] texts =
        [
            ("empty body", ""), ("truncated JSON", valid[..(valid.Length / 2)]), ("unterminated string", "{\"a\":\"abc"),
            ("trailing comma", "{\"a\":1,}"), ("comment", "/* x */ " + valid), ("single quotes", "{'a':'b'}"),
            ("bare word", "undefined"), ("NaN literal", "{\"limit\": NaN}"), ("JSON null", "null"), ("JSON array", "[]"),
            ("JSON string", "\"x\""), ("JSON number", "1e308"), ("duplicate keys", valid.Length > 2 ? valid[..^1] + (valid.Length > 2 ? "," : "") + valid[1..] : valid),
            ("deeply nested arrays", new string('[', 100_000) + new string(']', 100_000)),
            ("deeply nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)),
            ("lone surrogate as a name", "{\"\\ud800\":1}"), ("escaped NUL as a name", "{\"\\u0000\":1}"),
            ("two documents", valid + valid),
        ];
        foreach (var (attack, text) in texts)
        {
            yield return (attack, Encoding.UTF8.GetBytes(text), "application/json");
        }
        yield return ("invalid UTF-8 bytes", [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xFF, 0xFE, 0xC0, 0x80, (byte)'"', (byte)'}'], "application/json");
        yield return ("UTF-16 body", Encoding.Unicode.GetBytes(valid), "application/json; charset=utf-16");
        yield return ("text/plain", Encoding.UTF8.GetBytes(valid), "text/plain");
        yield return ("XML", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"), "application/xml");
        yield return ("form", Encoding.UTF8.GetBytes("a=1&b=%00"), "application/x-www-form-urlencoded");
        yield return ("no content type", Encoding.UTF8.GetBytes(valid), null);
        yield return ("a garbage content type", Encoding.UTF8.GetBytes(valid), "application/json; charset=\u00ff\u00ff");
    }

    /// <summary>Every node of a body with its path, the root included.</summary>
    private static IEnumerable<(string Path, JsonNode? Node)> Positions(JsonNode? node, string path)
    {
        yield return (path, node);
        var children = node switch
        {
            JsonObject obj => obj.Select(property => ($"{path}.{property.Key}", property.Value)),
            JsonArray array => array.Select((element, index) => ($"{path}[{index}]", element)),
            _ => [],
        };
        foreach (var (childPath, child) in children.ToList())
        {
            foreach (var position in Positions(child, childPath))
            {
                yield return position;
            }
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        var parentPath = path[..Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['))];
        var parent = parentPath == "$" ? root : Positions(root, "$").Single(position => position.Path == parentPath).Node!;
        var last = path[parentPath.Length..];
        if (last.StartsWith('['))
        {
            parent.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent.AsObject()[last[1..]] = value;
        }
    }

    /// <summary>A valid-looking value for a schema, so that one mutation at a time reaches the deepest validation.</summary>
    private JsonNode? Baseline(JsonNode schema, string name, int depth)
    {
        schema = Resolve(schema);
        if (Known(name) is { } known)
        {
            return known;
        }
        if (depth > MaxSchemaDepth)
        {
            return null;
        }
        var type = TypeOf(schema);
        return type switch
        {
            "object" when schema["properties"] is JsonObject properties => new JsonObject(properties
                .Select(property => KeyValuePair.Create(property.Key, Baseline(property.Value!, property.Key, depth + 1)))),
            "object" => new JsonObject(),
            "array" => new JsonArray(schema["items"] is { } items ? Baseline(items, Singular(name), depth + 1) : JsonValue.Create("x")),
            "integer" => JsonValue.Create(3),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(true),
            "string" when schema["format"]?.GetValue<string>() == "uuid" => JsonValue.Create(targets.OwnGenerationId),
            "string" when schema["enum"] is JsonArray values => values.FirstOrDefault(v => v is not null)?.DeepClone(),
            _ => JsonValue.Create("Plain text"),
        };
    }

    private JsonNode? Known(string name) => name switch
    {
        "generation_id" => JsonValue.Create(targets.OwnGenerationId),
        "job_id" => JsonValue.Create(targets.OwnJobId),
        "template" => JsonValue.Create("modern"),
        "templates" => new JsonArray("modern"),
        "formats" => new JsonArray("docx"),
        "options" => new JsonObject { ["font_size"] = 11, ["accent_color"] = "#2563EB" },
        "email" => JsonValue.Create(targets.OwnEmail),
        "password" => JsonValue.Create("correct horse battery"),
        "refresh_token" => JsonValue.Create("not-a-refresh-token"),
        "type" => JsonValue.Create("experience"),
        "url" => JsonValue.Create("https://example.com/x"),
        "start" or "end" or "date" or "startDate" or "endDate" or "releaseDate" => JsonValue.Create("2020-01"),
        "status" => JsonValue.Create("applied"),
        _ => null,
    };

    private static string Singular(string name) => name switch
    {
        "sections" => "section", "links" => "link", "groups" => "group", "items" => "item", _ => name,
    };

    private JsonNode Resolve(JsonNode schema)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = openApi["components"]!["schemas"]![reference.Split('/')[^1]]!;
            }
            else if ((schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) is JsonArray choices
                && choices.FirstOrDefault(choice => TypeOf(choice!) != "null") is { } choice)
            {
                schema = choice;
            }
            else
            {
                break;
            }
        }
        return schema;
    }

    private static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        JsonValue type => type.GetValue<string>(),
        _ => schema["$ref"] is not null ? "ref" : schema["properties"] is not null ? "object" : null,
    };

    private static string Printable(string text)
    {
        var shown = text.Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal);
        shown = shown.Length > 30 ? shown[..30] + "…" : shown;
        return string.Concat(shown.Select(c => c < ' ' || char.IsSurrogate(c) || c >= '\uFFFE' ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
