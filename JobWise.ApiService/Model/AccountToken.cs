namespace JobWise.ApiService.Model;

public enum AccountTokenPurpose
{
    PasswordReset,
    EmailVerification,
}

/// <summary>
/// A single-use token mailed to a user (a password reset or an email verification), stored only as its SHA-256 hash.
/// It works once, before <see cref="ExpiresAt"/>.
/// </summary>
public sealed class AccountToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public AccountTokenPurpose Purpose { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
