using System.Text.RegularExpressions;
using JobWise.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JobWise.Tests.Web;

/// <summary>The steps many browser tests take on the way to what they test: a profile, a job, a tailored version.</summary>
public static class WebFlow
{
    public const string Password = "correct horse battery staple";

    public static readonly string SampleResume = Path.Combine(RepositoryPaths.Root, "JobWise.Tests", "Api", "JsonResume", "sample.resume.json");

    public const string Posting = """
        Senior Software Engineer, compression. We want someone who has built and optimized algorithms, with C++ and Python,
        who can lead a team, knows Kubernetes and has shipped a product people use. Startup experience is a plus.
        """;

    public static async Task ImportSampleResumeAsync(IPage page)
    {
        await page.GetByLabel("Import a JSON Resume file").SetInputFilesAsync(SampleResume);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported" })).ToBeVisibleAsync();
    }

    /// <summary>Adds a job from the jobs page; the browser ends on its tailor page. Gives the job's tailor URL.</summary>
    public static async Task<string> AddJobAsync(IPage page, string title, string company)
    {
        await page.GotoAsync("/jobs");
        await page.GetByLabel("Job title").FillAsync(title);
        await page.GetByLabel("Company").FillAsync(company);
        await page.GetByLabel("Posting (paste the job description)").FillAsync(Posting);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add job" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]+/tailor$"));
        return page.Url;
    }

    /// <summary>Makes a tailored version on the job's tailor page and opens its export page.</summary>
    public static async Task TailorAndOpenExportAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a tailored version" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("coverage")).ToHaveTextAsync(new Regex(@"^\d{1,3}%$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Export this version" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/generations/[0-9a-f-]+/export"));
    }
}
