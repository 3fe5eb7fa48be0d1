namespace JobWise.ApiService.Auth;

public sealed record RegisterRequest(string? Email, string? Password, string? FullName);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

/// <param name="EmailVerified">Whether the owner has opened the verification link mailed to <paramref name="Email"/>.</param>
public sealed record UserResponse(Guid Id, string Email, string FullName, DateTimeOffset CreatedAt, bool EmailVerified);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResetPasswordRequest(string? Token, string? NewPassword);

public sealed record VerifyEmailRequest(string? Token);

public sealed record TokenResponse(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, UserResponse User);
