using System.Text;
using System.Text.Json;
using JobWise.ApiService.Model;
using JobWise.ApiService.Profiles;
using JobWise.ApiService.Validation;
using JobWise.Contracts;

namespace JobWise.Tests.Tailoring;

/// <summary>
/// The largest inputs the API accepts, shaped to make phrase matching as costly as possible: one-letter words (the
/// most tokens per character), skills as long in words as a skill may be, and postings that repeat those skills.
/// </summary>
public static class LargeTailoringInputs
{
    /// <summary>The case measured in the issue: one skill of 150 words in an otherwise ordinary profile.</summary>
    public static ResumeDocument ProfileWithOneLongSkill()
    {
        var profile = TailoringSamples.BackendEngineer();
        profile.Sections.Single(s => s.Type == SectionTypes.Skills).Groups.Add(new SkillGroup { Name = "Other", Items = [Letters(0, 150)] });
        return profile;
    }

    /// <summary>About 25,000 one-letter words, within the 50,000 characters a description may have.</summary>
    public static string OneLetterPosting() => Letters(0, JobLimits.Description / 2);

    /// <summary>A posting of exactly the largest size: the profile's long skills over and over, real keywords between.</summary>
    public static string MaxPosting(ResumeDocument profile)
    {
        var skills = profile.Sections.SelectMany(s => s.Groups).SelectMany(g => g.Items).ToList();
        var text = new StringBuilder(JobLimits.Description);
        for (var i = 0; text.Length < JobLimits.Description; i++)
        {
            text.Append(skills[i % skills.Count]).Append(" C# and Postgres on Kubernetes, distributed systems. ");
        }
        return text.ToString(0, JobLimits.Description);
    }

    /// <summary>
    /// A profile whose PUT body is just under the 512 KB limit: every skill group full of 300-character skills of up to
    /// 150 words, plus every prefix of up to eight words of the alphabet, so that a phrase matches at every position.
    /// </summary>
    public static ResumeDocument MaxProfile()
    {
        var profile = TailoringSamples.BackendEngineer();
        var skills = profile.Sections.Single(s => s.Type == SectionTypes.Skills);
        var prefixes = new SkillGroup { Name = "Prefixes 0" };
        skills.Groups.Add(prefixes);
        for (var offset = 0; offset < 26; offset++)
        {
            for (var words = 1; words <= 8; words++)
            {
                if (prefixes.Items.Count == ResumeValidator.MaxListEntries)
                {
                    prefixes = new SkillGroup { Name = $"Prefixes {skills.Groups.Count}" };
                    skills.Groups.Add(prefixes);
                }
                prefixes.Items.Add(Letters(offset, words));
            }
        }
        // Serialising after every skill would be slow: each skill adds its characters, two quotes and a comma.
        var budget = ProfileApi.MaxBodyBytes - 1024;
        var size = BodyBytes(profile);
        var group = new SkillGroup();
        for (var id = 0; ; id++)
        {
            if (id % ResumeValidator.MaxListEntries == 0)
            {
                group = new SkillGroup { Name = $"Long {id / ResumeValidator.MaxListEntries}" };
                skills.Groups.Add(group);
                size += 64;
            }
            var skill = LongSkill(id);
            if (size + skill.Length + 3 > budget)
            {
                return profile;
            }
            group.Items.Add(skill);
            size += skill.Length + 3;
        }
    }

    /// <summary>The size of <c>{"content": profile}</c> as the API receives it.</summary>
    public static long BodyBytes(ResumeDocument profile) =>
        JsonSerializer.SerializeToUtf8Bytes(new { content = profile }, ContractJson.Options).LongLength;

    /// <summary>A distinct 300-character skill: an id, then 147 one-letter words.</summary>
    private static string LongSkill(int id) => $"s{id % 10_000:0000} {Letters(id, 147)}";

    private static string Letters(int from, int words) =>
        string.Join(' ', Enumerable.Range(from, words).Select(i => (char)('a' + i % 26)));
}
