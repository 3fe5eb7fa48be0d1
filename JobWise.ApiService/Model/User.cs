namespace JobWise.ApiService.Model;

public sealed class User
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    /// <summary>Trimmed, lower-cased: what uniqueness and sign-in compare.</summary>
    public required string NormalizedEmail { get; set; }
    public required string FullName { get; set; }
    public required string PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// Changed whenever every sign-in must end (password changed or reset, sign out everywhere): access tokens carry the
    /// stamp they were issued under and refresh tokens are bound to it, so older ones stop working.
    /// </summary>
    public Guid SecurityStamp { get; set; }
    /// <summary>When the owner proved they read mail at <see cref="Email"/>; null until then (the account works meanwhile).</summary>
    public DateTimeOffset? EmailVerifiedAt { get; set; }
}
