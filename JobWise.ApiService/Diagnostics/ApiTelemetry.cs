using System.Diagnostics;

namespace JobWise.ApiService.Diagnostics;

/// <summary>
/// The API's own spans (ActivitySource <see cref="Name"/>, registered by ServiceDefaults). A span started while a
/// request is handled is a child of that request's span; the renderer continues the trace through <c>traceparent</c>.
/// </summary>
public static class ApiTelemetry
{
    public const string Name = "JobWise.Api";

    public const string Export = "export";
    public const string BatchExport = "export batch";
    public const string DownloadLink = "download link";
    public const string AtsAnalysis = "ats analyse";
    public const string Tailoring = "tailor";

    /// <summary>Storage spans are named <c>storage put</c>, <c>storage get</c>, <c>storage delete</c>, …</summary>
    public static string Storage(string operation) => $"storage {operation}";

    /// <summary>Background sweeps are named <c>retention sweep</c> and <c>orphan sweep</c>.</summary>
    public static string Sweep(string name) => $"{name} sweep";

    private static readonly ActivitySource Source = new(Name);

    /// <summary>A span of ours, or null when nobody listens (then tagging it costs nothing).</summary>
    public static Activity? Start(string spanName, ActivityKind kind = ActivityKind.Internal) => Source.StartActivity(spanName, kind);
}
