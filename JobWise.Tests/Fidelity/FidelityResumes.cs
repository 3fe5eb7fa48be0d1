using System.Text.Json;
using JobWise.ApiService.Profiles.JsonResume;
using JobWise.Contracts;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Fidelity;

/// <summary>The fixed resumes every template is judged on: a short one, a long one with every section type and non-Latin names, and the JSON Resume project's sample as imported.</summary>
public static class FidelityResumes
{
    public const string Short = "short";
    public const string Long = "long";
    public const string JsonResumeSample = "jsonresume";

    public static IReadOnlyList<string> Templates { get; } = ["modern", "classic", "creative", "ats_optimized"];

    /// <summary>The resumes whose pictures are kept as references.</summary>
    public static IReadOnlyList<string> Pictured { get; } = [Short, Long];

    public static IReadOnlyList<string> All { get; } = [Short, Long, JsonResumeSample];

    private static string Folder => Path.Combine(RepositoryPaths.Root, "JobWise.Tests", "Fidelity", "Resumes");

    public static ResumeDocument Load(string name) => name switch
    {
        JsonResumeSample => JsonResumeMapper.ToDocument(JsonSerializer.Deserialize<JsonResumeDocument>(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "JobWise.Tests", "Api", "JsonResume", "sample.resume.json")), JsonResumeJson.Options)!),
        _ => JsonSerializer.Deserialize<ResumeDocument>(File.ReadAllText(Path.Combine(Folder, name + ".json")), ContractJson.Options)!,
    };
}
