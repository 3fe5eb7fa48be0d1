using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Rendering;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Exports;

/// <summary>Checks the templates against the renderer's catalogue and loads the user's generation and its job.</summary>
public sealed class ExportSourceLoader(JobWiseDbContext db, RendererClient renderer)
{
    public async Task<(ExportSource? Source, ExportOutcome? Failure)> LoadAsync(
        Guid userId, ExportPlan plan, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var catalogue = await renderer.GetCatalogueAsync(cancellationToken);
        if (catalogue is null)
        {
            return (null, ExportOutcome.Unavailable("The renderer", retryAfter));
        }
        var unknown = plan.Templates.Where(t => catalogue.Templates.All(known => known.Id != t)).ToList();
        if (unknown.Count > 0)
        {
            var errors = new Validation.ValidationErrors();
            errors.Add(plan.Templates.Count == 1 ? "template" : "templates",
                $"'{string.Join("', '", unknown)}' is not a template; the templates are {string.Join(", ", catalogue.Templates.Select(t => t.Id))}");
            return (null, new ExportOutcome.Invalid(errors));
        }
        var generation = await db.Generations.AsNoTracking()
            .SingleOrDefaultAsync(g => g.Id == plan.GenerationId && g.UserId == userId, cancellationToken);
        if (generation is null)
        {
            return (null, new ExportOutcome.NotFound("The generation"));
        }
        var job = generation.JobId is { } jobId
            ? await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.UserId == userId, cancellationToken)
            : null;
        return (new ExportSource(generation, job, userId, catalogue.Templates.ToDictionary(t => t.Id, t => t.DefaultOptions)), null);
    }
}
