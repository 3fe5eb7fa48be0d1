using JobWise.Contracts;

namespace JobWise.ApiService.Ats;

/// <summary>Built-in resumes that each template is rendered with to measure its parser compatibility.</summary>
public static class AtsSampleResumes
{
    public static IReadOnlyList<ResumeDocument> All { get; } =
    [
        new ResumeDocument
        {
            Header = new ResumeHeader { Name = "Morgan Ellis", Title = "Staff Software Engineer", Email = "morgan.ellis@example.com", Phone = "+1 (415) 555-0134", Location = "San Francisco, CA",
                Links = [new ResumeLink { Label = "GitHub", Url = "https://github.com/mellis" }] },
            Sections =
            [
                new ResumeSection { Type = SectionTypes.ProfessionalSummary, Title = "Summary", Text = "Engineer who builds reliable payment systems. Led teams of six across three time zones." },
                new ResumeSection { Type = SectionTypes.Experience, Title = "Experience", Items =
                [
                    new ResumeItem { Title = "Staff Software Engineer", Organization = "Tailspin Toys", Location = "Remote", Start = "2020-04", Highlights =
                        ["Designed a ledger service processing 9 million transactions a day.", "Reduced incident count by 35% through automated canary analysis."] },
                    new ResumeItem { Title = "Software Engineer", Organization = "Wide World Importers", Location = "Oakland, CA", Start = "2015-08", End = "2020-03", Highlights =
                        ["Built the order routing engine in Go and PostgreSQL.", "Mentored eight engineers through their first on-call rotation."] },
                ] },
                new ResumeSection { Type = SectionTypes.Skills, Title = "Skills", Groups =
                [
                    new SkillGroup { Name = "Languages", Items = ["Go", "C#", "Python", "SQL"] },
                    new SkillGroup { Name = "Infrastructure", Items = ["Kubernetes", "PostgreSQL", "Kafka", "Terraform"] },
                ] },
                new ResumeSection { Type = SectionTypes.Education, Title = "Education", Items =
                [
                    new ResumeItem { Institution = "University of Washington", Degree = "BSc", Field = "Computer Science", Start = "2011", End = "2015" },
                ] },
            ],
        },
        new ResumeDocument
        {
            Header = new ResumeHeader { Name = "Priya Raman", Title = "Marketing Manager", Email = "priya.raman@example.com", Phone = "+44 20 7946 0321", Location = "London" },
            Sections =
            [
                new ResumeSection { Type = SectionTypes.ProfessionalSummary, Title = "Professional Summary", Text = "Marketing manager who grows brands with data. Launched products in twelve markets." },
                new ResumeSection { Type = SectionTypes.Experience, Title = "Work Experience", Items =
                [
                    new ResumeItem { Title = "Marketing Manager", Organization = "Fourth Coffee", Location = "London", Start = "2019-01", Highlights =
                        ["Grew newsletter subscribers from 20,000 to 150,000.", "Managed a budget of £2.4 million across paid channels."] },
                    new ResumeItem { Title = "Brand Strategist", Organization = "Adventure Works", Location = "Manchester", Start = "2016-02", End = "2018-12", Highlights =
                        ["Repositioned the outdoor range, lifting sales by 18%."] },
                ] },
                new ResumeSection { Type = SectionTypes.Education, Title = "Education", Items =
                [
                    new ResumeItem { Institution = "University of Leeds", Degree = "BA", Field = "Marketing", Start = "2012", End = "2015" },
                ] },
                new ResumeSection { Type = SectionTypes.Certifications, Title = "Certifications", Items =
                [
                    new ResumeItem { Name = "Google Analytics Certification", Organization = "Google", Date = "2022" },
                ] },
                new ResumeSection { Type = SectionTypes.Languages, Title = "Languages", Items =
                [
                    new ResumeItem { Name = "English", Fluency = "Native" }, new ResumeItem { Name = "Tamil", Fluency = "Fluent" },
                ] },
            ],
        },
    ];
}
