namespace JobWise.ApiService.Auth;

public sealed record RegisterRequest(string? Email, string? Password, string? FullName);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record UserResponse(Guid Id, string Email, string FullName, DateTimeOffset CreatedAt);

public sealed record TokenResponse(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, UserResponse User);
