using JobWise.ApiService.Diagnostics;
using JobWise.ApiService.Model;
using JobWise.Contracts;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Tailoring;

/// <summary>
/// Tailors a profile to a job: with the LLM when one is configured and its answer passes the no-invention check,
/// else (not configured, timed out, failed, or invented something) with the deterministic engine.
/// </summary>
public sealed class GenerationTailor(IOptions<LlmTailoringOptions> llmOptions, IServiceProvider services, ILogger<GenerationTailor> logger)
{
    public const string LlmEngineName = "llm";

    public async Task<TailoringEngine.Result> TailorAsync(ResumeDocument profile, Job job, TailoringLimits limits, CancellationToken cancellationToken)
    {
        using var span = ApiTelemetry.Start(ApiTelemetry.Tailoring);
        var result = await TailorWithBestEngineAsync(profile, job, limits, cancellationToken);
        span?.SetTag("jobwise.tailoring.engine", result.Match.Engine)
            .SetTag("jobwise.tailoring.fallback", result.Match.FallbackReason is not null);
        return result;
    }

    private async Task<TailoringEngine.Result> TailorWithBestEngineAsync(
        ResumeDocument profile, Job job, TailoringLimits limits, CancellationToken cancellationToken)
    {
        var deterministic = TailoringEngine.Tailor(profile, job.Title, job.Description, limits, cancellationToken);
        if (!llmOptions.Value.IsConfigured)
        {
            return deterministic;
        }
        string reason;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(llmOptions.Value.Timeout);
            var proposal = await services.GetRequiredService<LlmTailor>().TailorAsync(profile, job, timeout.Token);
            var violations = proposal is null ? ["the answer was not a resume document"] : NoInventionCheck.Violations(profile, proposal);
            if (violations.Count == 0)
            {
                return new TailoringEngine.Result(proposal!, deterministic.Match with
                {
                    Changes = DocumentDiff.Changes(profile, proposal!),
                    Engine = LlmEngineName,
                });
            }
            reason = $"the model's answer failed the no-invention check: {string.Join("; ", violations.Take(3))}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reason = $"the model did not answer within {llmOptions.Value.Timeout.TotalSeconds:0} s";
        }
        catch (Exception exception) when (exception is HttpRequestException or System.ClientModel.ClientResultException or InvalidOperationException)
        {
            reason = $"the model could not be reached: {exception.Message}";
        }
        logger.LogWarning("LLM tailoring fell back to the deterministic engine: {Reason}", reason);
        return deterministic with { Match = deterministic.Match with { FallbackReason = reason } };
    }
}
