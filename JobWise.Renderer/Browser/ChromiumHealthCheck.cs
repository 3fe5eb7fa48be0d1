using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobWise.Renderer.Browser;

/// <summary>Healthy only when Chromium launches and prints a page.</summary>
public sealed class ChromiumHealthCheck(ChromiumHost chromium) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var browser = await chromium.GetBrowserAsync(cancellationToken);
            await using var page = await browser.NewPageAsync();
            await page.SetContentAsync("<p>health</p>");
            var pdf = await page.PdfDataAsync();
            return pdf.Length > 0
                ? HealthCheckResult.Healthy($"printed {pdf.Length} bytes")
                : HealthCheckResult.Unhealthy("Chromium printed an empty PDF");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Chromium: {exception.Message}");
        }
    }
}
