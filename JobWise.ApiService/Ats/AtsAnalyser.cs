using JobWise.ApiService.Diagnostics;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.ApiService.Storage;
using JobWise.ApiService.Tailoring;
using JobWise.Contracts;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Ats;

/// <summary>Makes and stores the ATS report of one export: reads the stored file back and checks it against its source.</summary>
public sealed class AtsAnalyser(JobWiseDbContext db, IObjectStorage storage)
{
    public enum Outcome
    {
        Reported,
        NotAFormatParsersRead,
        SourceGone,
        FileGone,
    }

    public async Task<(Outcome Outcome, AtsReport? Report)> AnalyseAsync(Export export, CancellationToken cancellationToken)
    {
        using var span = ApiTelemetry.Start(ApiTelemetry.AtsAnalysis)?.SetTag("jobwise.export.id", export.Id.ToString());
        var result = await MakeAsync(export, cancellationToken);
        span?.SetTag("jobwise.ats.outcome", result.Outcome.ToString());
        return result;
    }

    private async Task<(Outcome Outcome, AtsReport? Report)> MakeAsync(Export export, CancellationToken cancellationToken)
    {
        if (export.AtsReport is not null)
        {
            return (Outcome.Reported, export.AtsReport);
        }
        if (export.Format is not (RenderFormats.Pdf or RenderFormats.Docx))
        {
            return (Outcome.NotAFormatParsersRead, null);
        }
        var generation = await db.Generations.AsNoTracking().SingleOrDefaultAsync(g => g.Id == export.GenerationId, cancellationToken);
        if (generation is null)
        {
            return (Outcome.SourceGone, null);
        }
        await using var stream = await storage.OpenReadAsync(export.StorageKey, cancellationToken);
        if (stream is null)
        {
            return (Outcome.FileGone, null);
        }
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        var job = export.JobId is { } jobId ? await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken) : null;
        var keywords = job is null ? null : PostingKeywords.Extract(job.Title, job.Description, ProfileVocabulary.Of(generation.Content), cancellationToken);
        var report = AtsChecker.Check(generation.Content, ExportTextReader.Read(buffer.ToArray(), export.Format), keywords, cancellationToken);
        await db.Exports.Where(e => e.Id == export.Id)
            .ExecuteUpdateAsync(setters => setters.SetProperty(e => e.AtsReport, report), cancellationToken);
        export.AtsReport = report;
        return (Outcome.Reported, report);
    }
}
