namespace JobWise.ApiService.Validation;

/// <summary>Collects field → messages for a 400 problem response; field names are the JSON paths clients sent.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
    }

    /// <summary>Requires a non-blank value of at most <paramref name="maxLength"/> characters.</summary>
    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
        }
        else
        {
            MaxLength(field, value, maxLength);
        }
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
        }
    }

    /// <summary>An optional email address (see <see cref="EmailAddress"/>).</summary>
    public void Email(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        if (value.Length > EmailAddress.MaxLength)
        {
            MaxLength(field, value, EmailAddress.MaxLength);
        }
        else if (!EmailAddress.IsValid(value))
        {
            Add(field, "is not an email address (name@example.com, without comments or quotes)");
        }
    }

    public void HttpUrl(string field, string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        MaxLength(field, value, maxLength);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Add(field, "must be an absolute http or https URL");
        }
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray(), StringComparer.Ordinal);
}
