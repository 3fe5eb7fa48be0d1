namespace JobWise.ApiService.Model;

/// <summary>
/// One refresh token, stored only as a hash. Tokens of one sign-in share a <see cref="FamilyId"/>; presenting a token
/// that was already rotated revokes the whole family, since only a thief would hold the old one.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid FamilyId { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RotatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>The user's security stamp when the sign-in began; a token whose stamp is no longer the user's is refused.</summary>
    public Guid SecurityStamp { get; set; }
}
