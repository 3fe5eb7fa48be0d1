namespace JobWise.Web.ApiClient;

/// <summary>The signed-in user's account at the API: who they are, their password, their sign-ins, their email.</summary>
public sealed class AccountApiClient(HttpClient http)
{
    public Task<AccountResponse> GetAsync(CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<AccountResponse>(http, new(HttpMethod.Get, "/api/v1/auth/me"), cancellationToken);

    /// <summary>Every other sign-in ends; the tokens returned continue this one.</summary>
    public Task<TokenResponse> ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<TokenResponse>(http, ApiResponses.Json(HttpMethod.Post, "/api/v1/auth/password",
            new { current_password = currentPassword, new_password = newPassword }), cancellationToken);

    public async Task SignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        using var _ = await ApiResponses.SendAsync(http, new(HttpMethod.Post, "/api/v1/auth/logout-all"), cancellationToken);
    }

    public async Task ResendVerificationAsync(CancellationToken cancellationToken)
    {
        using var _ = await ApiResponses.SendAsync(http, new(HttpMethod.Post, "/api/v1/auth/email/verify/resend"), cancellationToken);
    }
}
