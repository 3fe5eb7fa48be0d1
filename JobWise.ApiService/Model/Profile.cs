using JobWise.Contracts;

namespace JobWise.ApiService.Model;

/// <summary>A user's master resume.</summary>
public sealed class Profile
{
    public Guid UserId { get; set; }
    public required ResumeDocument Content { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
