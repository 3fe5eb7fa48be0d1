using JobWise.Contracts;

namespace JobWise.Tests.Tailoring;

/// <summary>Real-looking profiles and postings for tailoring tests.</summary>
public static class TailoringSamples
{
    public static ResumeDocument BackendEngineer() => new()
    {
        Header = new ResumeHeader { Name = "Jordan Rivera", Title = "Backend Engineer", Email = "jordan@example.com", Phone = "+1 555 0100" },
        Sections =
        [
            new ResumeSection { Type = SectionTypes.ProfessionalSummary, Title = "Summary", Text =
                "Backend engineer with eight years of experience. I enjoy mentoring and writing clear docs. I build distributed systems on PostgreSQL and Kafka. Fluent in Java and C#." },
            new ResumeSection { Type = SectionTypes.Skills, Title = "Skills", Groups =
            [
                new SkillGroup { Name = "Languages", Items = ["Java", "Python", "C#", "Go", "SQL"] },
                new SkillGroup { Name = "Frontend", Items = ["React", "CSS"] },
                new SkillGroup { Name = "Data", Items = ["Kafka", "Redis", "PostgreSQL", "Spark"] },
                new SkillGroup { Name = "Platform", Items = ["Terraform", "Kubernetes", "AWS", "Docker"] },
            ] },
            new ResumeSection { Type = SectionTypes.Experience, Title = "Experience", Items =
            [
                new ResumeItem { Title = "Senior Software Engineer", Organization = "Northwind", Start = "2021-03", Highlights =
                [
                    "Led the migration of the billing UI to React.",
                    "Cut p95 latency of the payments API by 40% with Redis caching.",
                    "Designed an event pipeline on Kafka handling 2M events per day.",
                    "Moved 30 services to PostgreSQL 15 with zero downtime.",
                ] },
                new ResumeItem { Title = "Software Engineer", Organization = "Contoso", Start = "2017-06", End = "2021-02", Highlights =
                [
                    "Built internal dashboards in Python.",
                    "Shipped a C# .NET service for invoice generation used by 400 clients.",
                    "Automated infrastructure with Terraform on AWS.",
                ] },
            ] },
            new ResumeSection { Type = SectionTypes.Education, Title = "Education", Items =
            [
                new ResumeItem { Institution = "State University", Degree = "BSc", Field = "Computer Science", Start = "2013", End = "2017" },
            ] },
        ],
    };

    public static ResumeDocument Designer() => new()
    {
        Header = new ResumeHeader { Name = "Sam Lee", Title = "Product Designer", Email = "sam@example.com" },
        Sections =
        [
            new ResumeSection { Type = SectionTypes.ProfessionalSummary, Text = "Designer of calm interfaces. I run user research every week. I ship design systems in Figma." },
            new ResumeSection { Type = SectionTypes.Skills, Title = "Skills", Groups =
            [
                new SkillGroup { Name = "Tools", Items = ["Photoshop", "Illustrator", "Figma", "Sketch"] },
                new SkillGroup { Name = "Practice", Items = ["Branding", "User Research", "Accessibility", "Prototyping"] },
            ] },
            new ResumeSection { Type = SectionTypes.Experience, Title = "Experience", Items =
            [
                new ResumeItem { Title = "Product Designer", Organization = "Fabrikam", Start = "2020", Highlights =
                [
                    "Ran a rebrand across print and web.",
                    "Built the company design system in Figma with 120 components.",
                    "Raised checkout conversion by 12% after user research with 40 customers.",
                    "Audited accessibility of the app to WCAG 2.1 AA.",
                ] },
            ] },
        ],
    };

    public static IReadOnlyList<(string Title, string Description)> Postings() =>
    [
        ("Senior Backend Engineer (C#/.NET)",
            "We are looking for a backend engineer to build distributed systems in csharp on .NET. You will own services on Postgres " +
            "and design event-driven pipelines with Kafka. Experience with Kubernetes and AWS is a plus. Strong communication skills."),
        ("Data Engineer",
            "Join our data team to build pipelines with Spark and Kafka, model data in PostgreSQL and Snowflake, and write Python. " +
            "Experience with Airflow and dbt preferred. Competitive salary and benefits."),
        ("Frontend Engineer",
            "Build delightful interfaces in React and TypeScript. You care about accessibility, CSS and design systems. Experience with Figma is a plus."),
        ("Senior Product Designer",
            "We need a product designer who leads user research, owns our design system in Figma, and champions accessibility. " +
            "Prototyping skills required. Branding experience is a bonus."),
        ("Platform Engineer",
            "Run our Kubernetes clusters on AWS with Terraform and Helm. Observability with Prometheus and Grafana. Docker and CI/CD expertise."),
    ];
}
