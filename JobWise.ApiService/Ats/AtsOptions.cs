namespace JobWise.ApiService.Ats;

public sealed class AtsOptions
{
    public const string SectionName = "Ats";

    /// <summary>Make each export's report in the background right after it is stored (else only when asked for).</summary>
    public bool AnalyseAfterExport { get; set; } = true;
}
