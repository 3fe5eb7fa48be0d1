using JobWise.Web.ApiClient;
namespace JobWise.Web.Components.Shared;

/// <summary>Element ids made from API field names (<c>content.header.email</c>), for aria-describedby.</summary>
public static class ErrorIds
{
    public static string For(string field) =>
        "error-" + new string(field.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());

    public static string? DescribedBy(ApiException? problem, string field) =>
        problem?.Errors.ContainsKey(field) == true ? For(field) : null;
}
