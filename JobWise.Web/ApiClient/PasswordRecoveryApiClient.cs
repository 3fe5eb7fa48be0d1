namespace JobWise.Web.ApiClient;

/// <summary>The API's endpoints for someone who cannot sign in: forgot and reset password, verify email. No access token.</summary>
public sealed class PasswordRecoveryApiClient(HttpClient http)
{
    public async Task ForgotPasswordAsync(string email, CancellationToken cancellationToken)
    {
        using var _ = await ApiResponses.SendAsync(http,
            ApiResponses.Json(HttpMethod.Post, "/api/v1/auth/password/forgot", new { email }), cancellationToken);
    }

    public async Task ResetPasswordAsync(string token, string newPassword, CancellationToken cancellationToken)
    {
        using var _ = await ApiResponses.SendAsync(http,
            ApiResponses.Json(HttpMethod.Post, "/api/v1/auth/password/reset", new { token, new_password = newPassword }), cancellationToken);
    }

    public async Task VerifyEmailAsync(string token, CancellationToken cancellationToken)
    {
        using var _ = await ApiResponses.SendAsync(http,
            ApiResponses.Json(HttpMethod.Post, "/api/v1/auth/email/verify", new { token }), cancellationToken);
    }
}
