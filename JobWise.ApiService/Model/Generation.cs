using JobWise.Contracts;

namespace JobWise.ApiService.Model;

/// <summary>A version of the resume made for one job (or none): a snapshot that later profile edits do not change.</summary>
public sealed class Generation
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid? JobId { get; set; }
    public required ResumeDocument Content { get; set; }
    /// <summary><c>profile</c> (made from the master resume) or <c>explicit</c> (content sent by the client).</summary>
    public required string Source { get; set; }
    /// <summary>How the content matches its job's posting, when it was tailored to one.</summary>
    public JobMatch? Match { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
