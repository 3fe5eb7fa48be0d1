namespace JobWise.Web.ApiClient;

/// <summary>The API's sign-in endpoints; called without an access token.</summary>
public sealed class AuthApiClient(HttpClient http)
{
    public Task<TokenResponse> RegisterAsync(string email, string password, string fullName, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<TokenResponse>(http,
            ApiResponses.Json(HttpMethod.Post, "/api/v1/auth/register", new { email, password, full_name = fullName }), cancellationToken);

    public Task<TokenResponse> LoginAsync(string email, string password, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<TokenResponse>(http,
            ApiResponses.Json(HttpMethod.Post, "/api/v1/auth/login", new { email, password }), cancellationToken);

    public Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<TokenResponse>(http,
            ApiResponses.Json(HttpMethod.Post, "/api/v1/auth/refresh", new { refresh_token = refreshToken }), cancellationToken);

    public async Task LogoutAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var _ = await ApiResponses.SendAsync(http,
            ApiResponses.Json(HttpMethod.Post, "/api/v1/auth/logout", new { refresh_token = refreshToken }), cancellationToken);
    }
}
