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

    /// <summary>Every template × pictured resume × format, as theory data.</summary>
    public static TheoryData<string, string, string> PicturedCases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var template in Templates)
        {
            foreach (var resume in Pictured)
            {
                cases.Add(template, resume, "pdf");
                cases.Add(template, resume, "docx");
            }
        }
        return cases;
    }

    private static string Folder => Path.Combine(RepositoryPaths.Root, "JobWise.Tests", "Fidelity", "Resumes");

    public static ResumeDocument Load(string name) => name switch
    {
        JsonResumeSample => JsonResumeMapper.ToDocument(JsonSerializer.Deserialize<JsonResumeDocument>(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "JobWise.Tests", "Api", "JsonResume", "sample.resume.json")), JsonResumeJson.Options)!),
        _ => JsonSerializer.Deserialize<ResumeDocument>(File.ReadAllText(Path.Combine(Folder, name + ".json")), ContractJson.Options)!,
    };
}
