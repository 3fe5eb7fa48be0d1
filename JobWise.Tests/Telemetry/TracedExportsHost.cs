using JobWise.Tests.Infrastructure;
using JobWise.Tests.Renderer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace JobWise.Tests.Telemetry;

/// <summary>
/// The API and the renderer both in this process, the renderer on real Kestrel so the API reaches it over HTTP as in a
/// deployment (the trace crosses through <c>traceparent</c>), each with an in-memory span exporter added to the
/// OpenTelemetry setup ServiceDefaults gave it.
/// </summary>
public sealed class TracedExportsHost(PostgresServer postgres, RedisServer redis) : ApiHost(postgres, redis)
{
    private readonly TracedRenderer _renderer = new();

    public SpanRecorder Spans { get; } = new();

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Renderer:Url"] = _renderer.Url,
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(Spans));

    public override async ValueTask InitializeAsync()
    {
        _renderer.Spans = Spans;
        _renderer.StartServer();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _renderer.DisposeAsync();
    }

    private sealed class TracedRenderer : RendererFactory
    {
        private readonly int _port = FreePort.Next();

        public TracedRenderer() => UseKestrel(_port);

        public string Url => $"http://127.0.0.1:{_port}";

        public SpanRecorder Spans { get; set; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(Spans)));
        }
    }
}
