using System.Text.Json;
using System.Text.Json.Serialization;
using JobWise.ApiService.Validation;

namespace JobWise.ApiService.Profiles.JsonResume;

/// <summary>A JSON Resume document (jsonresume.org schema v1), camelCase as the standard writes it.</summary>
public sealed class JsonResumeDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }
    public JsonResumeBasics? Basics { get; set; }
    public List<JsonResumeWork>? Work { get; set; }
    public List<JsonResumeVolunteer>? Volunteer { get; set; }
    public List<JsonResumeEducation>? Education { get; set; }
    public List<JsonResumeAward>? Awards { get; set; }
    public List<JsonResumeCertificate>? Certificates { get; set; }
    public List<JsonResumePublication>? Publications { get; set; }
    public List<JsonResumeSkill>? Skills { get; set; }
    public List<JsonResumeLanguage>? Languages { get; set; }
    public List<JsonResumeInterest>? Interests { get; set; }
    public List<JsonResumeReference>? References { get; set; }
    public List<JsonResumeProject>? Projects { get; set; }
}

public sealed class JsonResumeBasics
{
    public string? Name { get; set; }
    public string? Label { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Url { get; set; }
    public string? Summary { get; set; }
    public JsonResumeLocation? Location { get; set; }
    public List<JsonResumeProfile>? Profiles { get; set; }
}

public sealed class JsonResumeLocation
{
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? CountryCode { get; set; }
    public string? Region { get; set; }
}

public sealed class JsonResumeProfile
{
    public string? Network { get; set; }
    public string? Username { get; set; }
    public string? Url { get; set; }
}

public sealed class JsonResumeWork
{
    public string? Name { get; set; }
    public string? Location { get; set; }
    public string? Description { get; set; }
    public string? Position { get; set; }
    public string? Url { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Summary { get; set; }
    public List<string>? Highlights { get; set; }
}

public sealed class JsonResumeVolunteer
{
    public string? Organization { get; set; }
    public string? Position { get; set; }
    public string? Url { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Summary { get; set; }
    public List<string>? Highlights { get; set; }
}

public sealed class JsonResumeEducation
{
    public string? Institution { get; set; }
    public string? Url { get; set; }
    public string? Area { get; set; }
    public string? StudyType { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Score { get; set; }
    public List<string>? Courses { get; set; }
}

public sealed class JsonResumeAward
{
    public string? Title { get; set; }
    public string? Date { get; set; }
    public string? Awarder { get; set; }
    public string? Summary { get; set; }
}

public sealed class JsonResumeCertificate
{
    public string? Name { get; set; }
    public string? Date { get; set; }
    public string? Url { get; set; }
    public string? Issuer { get; set; }
}

public sealed class JsonResumePublication
{
    public string? Name { get; set; }
    public string? Publisher { get; set; }
    public string? ReleaseDate { get; set; }
    public string? Url { get; set; }
    public string? Summary { get; set; }
}

public sealed class JsonResumeSkill
{
    public string? Name { get; set; }
    public string? Level { get; set; }
    public List<string>? Keywords { get; set; }
}

public sealed class JsonResumeLanguage
{
    public string? Language { get; set; }
    public string? Fluency { get; set; }
}

public sealed class JsonResumeInterest
{
    public string? Name { get; set; }
    public List<string>? Keywords { get; set; }
}

public sealed class JsonResumeReference
{
    public string? Name { get; set; }
    public string? Reference { get; set; }
}

public sealed class JsonResumeProject
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<string>? Highlights { get; set; }
    public List<string>? Keywords { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Url { get; set; }
    /// <summary>The organisation the project was for.</summary>
    public string? Entity { get; set; }
}

public static class JsonResumeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Converters = { new PlainTextJsonConverter() },
    };
}
