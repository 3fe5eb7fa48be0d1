using System.Net;
using System.Text.RegularExpressions;

namespace JobWise.Tests.Infrastructure;

/// <summary>
/// Submits a web front end page's form over plain HTTP as a browser would: with the page's hidden fields (the
/// anti-forgery token, Blazor's form name) and the anti-forgery cookie the page set.
/// </summary>
public static partial class WebForms
{
    /// <summary>A client keeping its cookies and seeing redirects as they come; <paramref name="forwardedFor"/> as a proxy in front of the web would send it.</summary>
    public static HttpClient Client(Uri webUrl, string? forwardedFor = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = webUrl,
            Timeout = TimeSpan.FromMinutes(1),
        };
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
        return client;
    }

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient web, string path, IReadOnlyDictionary<string, string> fields)
    {
        var page = await web.GetStringAsync(path, TestContext.Current.CancellationToken);
        var form = HiddenInputs().Matches(page).ToDictionary(
            match => WebUtility.HtmlDecode(match.Groups["name"].Value), match => WebUtility.HtmlDecode(match.Groups["value"].Value));
        Assert.True(form.ContainsKey("__RequestVerificationToken"), $"{path} has no form with an anti-forgery token");
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }
        return await web.PostAsync(path, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    public static bool IsRedirect(HttpResponseMessage response) => response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther;

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInputs();
}
