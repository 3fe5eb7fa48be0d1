using JobWise.ApiService.Tailoring;
using JobWise.Contracts;

namespace JobWise.Tests.Tailoring;

public sealed class TailoringEngineTests
{
    [Fact]
    public void Skills_groups_and_bullets_are_ordered_by_relevance_to_the_posting()
    {
        var (title, description) = TailoringSamples.Postings()[0];
        var result = TailoringEngine.Tailor(TailoringSamples.BackendEngineer(), title, description, new TailoringLimits(), TestContext.Current.CancellationToken);

        var skills = result.Document.Sections.Single(s => s.Type == SectionTypes.Skills);
        Assert.Equal("C#", skills.Groups.Single(g => g.Name == "Languages").Items[0]);
        Assert.Equal(["Kafka", "PostgreSQL"], skills.Groups.Single(g => g.Name == "Data").Items.Take(2).Order());
        Assert.Equal("Frontend", skills.Groups[^1].Name);
        var northwind = result.Document.Sections.Single(s => s.Type == SectionTypes.Experience).Items[0];
        Assert.Equal(
            [
                "Designed an event pipeline on Kafka handling 2M events per day.",
                "Moved 30 services to PostgreSQL 15 with zero downtime.",
                // Bullets the posting does not speak to keep their own order after those that it does.
                "Led the migration of the billing UI to React.",
                "Cut p95 latency of the payments API by 40% with Redis caching.",
            ],
            northwind.Highlights);
        var contoso = result.Document.Sections.Single(s => s.Type == SectionTypes.Experience).Items[1];
        Assert.StartsWith("Shipped a C# .NET service", contoso.Highlights[0]);
        var summary = result.Document.Sections.Single(s => s.Type == SectionTypes.ProfessionalSummary).Text!;
        Assert.StartsWith("I build distributed systems on PostgreSQL and Kafka.", summary);
        Assert.NotEmpty(result.Match.Changes.Moved);
    }

    [Fact]
    public void Variants_match_and_multi_word_terms_stay_whole()
    {
        var (title, description) = TailoringSamples.Postings()[0];
        var match = TailoringEngine.Tailor(TailoringSamples.BackendEngineer(), title, description, new TailoringLimits(), TestContext.Current.CancellationToken).Match;

        // The posting says "csharp" and "Postgres"; the profile says "C#" and "PostgreSQL".
        Assert.Contains("c#", match.MatchedKeywords);
        Assert.Contains("postgresql", match.MatchedKeywords);
        Assert.Contains(".net", match.MatchedKeywords);
        Assert.Contains("distributed systems", match.MatchedKeywords);
        Assert.DoesNotContain("distributed", match.MatchedKeywords.Concat(match.MissingKeywords));
        Assert.DoesNotContain("experience", match.MatchedKeywords.Concat(match.MissingKeywords));
        Assert.DoesNotContain("with", match.MatchedKeywords.Concat(match.MissingKeywords));
        Assert.InRange(match.CoverageScore, 1, 100);
    }

    [Fact]
    public void Keywords_the_profile_lacks_are_reported_missing_and_lower_the_coverage()
    {
        var (title, description) = TailoringSamples.Postings()[1];
        var match = TailoringEngine.Tailor(TailoringSamples.BackendEngineer(), title, description, new TailoringLimits(), TestContext.Current.CancellationToken).Match;
        Assert.Contains("snowflake", match.MissingKeywords);
        Assert.Contains("airflow", match.MissingKeywords);
        Assert.Contains("spark", match.MatchedKeywords);
        Assert.InRange(match.CoverageScore, 1, 99);
    }

    [Fact]
    public void Limits_leave_out_the_least_relevant_items_and_say_so()
    {
        var (title, description) = TailoringSamples.Postings()[0];
        var result = TailoringEngine.Tailor(TailoringSamples.BackendEngineer(), title, description,
            new TailoringLimits(MaxBulletsPerEntry: 2, MaxSkillsPerGroup: 3), TestContext.Current.CancellationToken);

        var northwind = result.Document.Sections.Single(s => s.Type == SectionTypes.Experience).Items[0];
        Assert.Equal(2, northwind.Highlights.Count);
        Assert.DoesNotContain("Cut p95 latency of the payments API by 40% with Redis caching.", northwind.Highlights);
        Assert.Contains(result.Match.Changes.LeftOut, change => change.Kind == "bullet" && change.Text.StartsWith("Cut p95 latency"));
        Assert.All(result.Document.Sections.SelectMany(s => s.Groups), g => Assert.True(g.Items.Count <= 3));
    }

    [Fact]
    public void Tailoring_never_invents_over_every_profile_posting_and_limit()
    {
        var checkedPairs = 0;
        foreach (var profile in new[] { TailoringSamples.BackendEngineer(), TailoringSamples.Designer() })
        {
            foreach (var (title, description) in TailoringSamples.Postings())
            {
                foreach (var limits in new[] { new TailoringLimits(), new TailoringLimits(1, 1, 1), new TailoringLimits(0, 0, 0), new TailoringLimits(3, 2, null) })
                {
                    var result = TailoringEngine.Tailor(profile, title, description, limits, TestContext.Current.CancellationToken);
                    Assert.Empty(NoInventionCheck.Violations(profile, result.Document));
                    checkedPairs++;
                }
            }
        }
        Assert.Equal(40, checkedPairs);
    }

    [Fact]
    public void The_no_invention_check_catches_an_added_skill_a_changed_number_and_a_new_sentence()
    {
        var profile = TailoringSamples.BackendEngineer();
        var withSkill = TailoringSamples.BackendEngineer();
        withSkill.Sections[1].Groups[0].Items.Add("Rust");
        var withNumber = TailoringSamples.BackendEngineer();
        withNumber.Sections[2].Items[0].Highlights[1] = "Cut p95 latency of the payments API by 60% with Redis caching.";
        var withSentence = TailoringSamples.BackendEngineer();
        withSentence.Sections[0].Text += " Expert in Rust.";
        var withEmployer = TailoringSamples.BackendEngineer();
        withEmployer.Sections[2].Items[1].Organization = "Google";

        Assert.Contains(NoInventionCheck.Violations(profile, withSkill), v => v.Contains("Rust"));
        Assert.Contains(NoInventionCheck.Violations(profile, withNumber), v => v.Contains("60%"));
        Assert.Contains(NoInventionCheck.Violations(profile, withSentence), v => v.Contains("Expert in Rust."));
        Assert.Contains(NoInventionCheck.Violations(profile, withEmployer), v => v.Contains("Google"));
        Assert.Empty(NoInventionCheck.Violations(profile, TailoringSamples.BackendEngineer()));
    }
}
