namespace JobWise.ApiService.Tailoring;

/// <summary>Limits a request may set on what tailoring leaves out; null means keep everything.</summary>
public sealed record TailoringLimits(int? MaxBulletsPerEntry = null, int? MaxSkillsPerGroup = null, int? MaxSummarySentences = null);
