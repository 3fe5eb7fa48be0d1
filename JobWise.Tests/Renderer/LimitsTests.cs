using System.Diagnostics;
using System.Net;
using JobWise.Contracts;

namespace JobWise.Tests.Renderer;

/// <summary>Runs with one slot, a queue of one and a one-page limit.</summary>
public sealed class LimitsTests(TightLimitsRendererFactory renderer) : IClassFixture<TightLimitsRendererFactory>
{
    private static ResumeDocument OnePager() => new()
    {
        Header = new ResumeHeader { Name = "Short Resume", Email = "short@example.com" },
        Sections = [new ResumeSection { Type = SectionTypes.ProfessionalSummary, Title = "Summary", Text = "Fits on one page." }],
    };

    [Fact]
    public async Task Full_queue_answers_429_with_retry_after_at_once()
    {
        var renders = Enumerable.Range(0, 10)
            .Select(_ => renderer.RenderAsync(new RenderRequest { Content = OnePager(), Template = "modern" }, TestContext.Current.CancellationToken))
            .ToList();
        var responses = await Task.WhenAll(renders);
        try
        {
            var statuses = responses.Select(response => response.StatusCode).ToList();
            Assert.Contains(HttpStatusCode.OK, statuses);
            var rejected = responses.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.NotEmpty(rejected);
            Assert.All(rejected, response => Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After"));
            Assert.All(statuses, status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_500_page_document_is_refused_with_422_before_printing()
    {
        var huge = new ResumeDocument { Header = new ResumeHeader { Name = "Very Long" } };
        huge.Sections.Add(new ResumeSection
        {
            Type = SectionTypes.Experience,
            Title = "Experience",
            Items = [.. Enumerable.Range(0, 2500).Select(index => new ResumeItem
            {
                Title = $"Role {index}",
                Organization = "Company",
                Highlights = [.. Enumerable.Range(0, 5).Select(bullet => $"Achievement {bullet} in role {index}, described in one sentence.")],
            })],
        });
        var stopwatch = Stopwatch.StartNew();
        using var response = await renderer.RenderAsync(new RenderRequest { Content = huge, Template = "modern" }, TestContext.Current.CancellationToken);
        stopwatch.Stop();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"Refusing took {stopwatch.Elapsed}.");
    }

    [Fact]
    public async Task A_document_printing_past_the_page_limit_is_422_and_one_that_fits_is_200()
    {
        // The two-page sample passes the size estimate; the limit is enforced by printing at most MaxPages + 1 and counting.
        using var over = await renderer.RenderAsync(new RenderRequest { Content = RendererFactory.SampleResume(), Template = "classic" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);

        using var fits = await renderer.RenderAsync(new RenderRequest { Content = OnePager(), Template = "classic" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal("1", Assert.Single(fits.Headers.GetValues(RenderRequest.PageCountHeader)));
    }

    [Fact]
    public async Task Html_over_the_size_cap_is_413()
    {
        var resume = OnePager();
        resume.Sections[0].Text = new string('x', 3 * 1024 * 1024);
        using var response = await renderer.RenderAsync(new RenderRequest { Content = resume, Template = "modern" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
