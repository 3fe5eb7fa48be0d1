namespace JobWise.ApiService.Model;

/// <summary>One thing tailoring moved or left out, described so a client can show a diff.</summary>
public sealed record TailoringChange(string Kind, string Text, string Within, int? From = null, int? To = null);

public sealed record TailoringChanges(IReadOnlyList<TailoringChange> Moved, IReadOnlyList<TailoringChange> LeftOut);

/// <summary>How the generation matches its job's posting.</summary>
public sealed record JobMatch(
    IReadOnlyList<string> MatchedKeywords, IReadOnlyList<string> MissingKeywords, int CoverageScore,
    TailoringChanges Changes, string Engine, string? FallbackReason);
