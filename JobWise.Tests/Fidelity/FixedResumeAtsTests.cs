using JobWise.ApiService.Ats;

namespace JobWise.Tests.Fidelity;

/// <summary>What a parser reads back from each template's PDF and DOCX of the fixed resumes, scored by the ATS checker.</summary>
[Collection(nameof(RenderedDocumentsCollection))]
public sealed class FixedResumeAtsTests(RenderedDocuments documents)
{
    [Theory]
    [MemberData(nameof(FidelityResumes.PicturedCases), MemberType = typeof(FidelityResumes))]
    public void The_ats_checker_scores_both_fixed_resumes_100_in_every_template_and_format(string template, string resume, string format)
    {
        var document = documents.Get(template, resume);
        var text = ExportTextReader.Read(format == "pdf" ? document.Pdf : document.Docx, format);

        var report = AtsChecker.Check(FidelityResumes.Load(resume), text, null, TestContext.Current.CancellationToken);

        Assert.True(report.Score == 100,
            $"{template}/{resume}/{format}: {report.Score}\n{string.Join("\n", report.Findings.Select(finding => $"{finding.Check}: {finding.Message}"))}");
    }
}
