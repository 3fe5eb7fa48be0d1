using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobWise.Renderer.Browser;

/// <summary>Healthy when a pooled page prints; degraded (not down) when the queue is full, since that is load, not failure.</summary>
public sealed class ChromiumHealthCheck(PagePool pool) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pdf = await pool.RunAsync(async (page, token) =>
            {
                await PagePool.SetDocumentAsync(page, "<p>health</p>", token);
                return await page.PdfDataAsync().WaitAsync(token);
            }, cancellationToken);
            return pdf.Length > 0
                ? HealthCheckResult.Healthy($"printed {pdf.Length} bytes")
                : HealthCheckResult.Unhealthy("Chromium printed an empty PDF");
        }
        catch (RenderRejectedException rejection) when (rejection.Reason == RejectionReason.QueueFull)
        {
            return HealthCheckResult.Degraded("every render slot is busy and the queue is full");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Chromium: {exception.Message}");
        }
    }
}
