using JobWise.ApiService.Ats;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Adds a new export's row, and its pending ATS report when one is to be made, to the unit of work. The caller's
/// <c>SaveChanges</c> saves both, so an export is never recorded without its queued report, nor a report without its export.
/// </summary>
public sealed class NewExportRows(JobWiseDbContext db, AtsQueue atsQueue, IOptions<AtsOptions> atsOptions)
{
    public void Add(Export export)
    {
        db.Exports.Add(export);
        if (export.AtsReport is null && export.Format != ExportService.ZipFormat && atsOptions.Value.AnalyseAfterExport)
        {
            atsQueue.Enqueue(export, export.CreatedAt);
        }
    }
}
