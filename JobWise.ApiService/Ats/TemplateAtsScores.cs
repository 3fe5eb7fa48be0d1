using JobWise.ApiService.Rendering;
using JobWise.Contracts;
using Microsoft.Extensions.Caching.Memory;

namespace JobWise.ApiService.Ats;

/// <summary>
/// Each template's parser-compatibility score, measured: the built-in sample resumes are rendered to PDF in the
/// template, read back and checked, and the scores averaged. Measured once per process and kept.
/// </summary>
public sealed class TemplateAtsScores(RendererClient renderer, IMemoryCache cache)
{
    public async Task<int?> ScoreAsync(string templateId, CancellationToken cancellationToken)
    {
        var key = $"ats-score:{templateId}";
        if (cache.TryGetValue(key, out int score))
        {
            return score;
        }
        var scores = new List<int>();
        foreach (var sample in AtsSampleResumes.All)
        {
            var outcome = await renderer.RenderAsync(new RenderRequest { Content = sample, Template = templateId, Format = RenderFormats.Pdf }, cancellationToken);
            if (!outcome.Succeeded)
            {
                // Not measured now (renderer busy or down): say nothing rather than guess.
                return null;
            }
            scores.Add(AtsChecker.Check(sample, ExportTextReader.Read(outcome.Content!, RenderFormats.Pdf), null, cancellationToken).Score);
        }
        score = (int)Math.Round(scores.Average());
        cache.Set(key, score);
        return score;
    }
}
