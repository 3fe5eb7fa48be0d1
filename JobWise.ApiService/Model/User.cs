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
}
