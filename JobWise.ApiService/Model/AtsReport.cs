namespace JobWise.ApiService.Model;

/// <summary>One thing an applicant tracking system would trip over (or find), and what to do about it.</summary>
public sealed record AtsFinding(string Check, string Severity, string Message, string Advice);

/// <summary>A 0–100 score with every finding, as a parser reading the produced file would see it.</summary>
public sealed record AtsReport(int Score, IReadOnlyList<AtsFinding> Findings, int? KeywordCoverage, int ExtractedCharacters);
