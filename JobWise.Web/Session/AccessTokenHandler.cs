using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace JobWise.Web.Session;

/// <summary>Puts the signed-in user's access token, kept server-side in the cookie ticket, on each call to the API.</summary>
public sealed class AccessTokenHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (httpContextAccessor.HttpContext is { } context && await context.GetTokenAsync(SessionTokens.AccessToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
