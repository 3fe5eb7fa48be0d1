using JobWise.Renderer;
using JobWise.Renderer.Apis;
using JobWise.Renderer.Diagnostics;
using JobWise.Renderer.Fonts;
using JobWise.Renderer.Templates;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(RendererTelemetry.Name);
builder.AddRendererServices();

var app = builder.Build();

// Fail at start, not on the first request, when templates are missing or broken.
app.Services.GetRequiredService<TemplateStore>();
app.EnsureTemplateFontsInstalled();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapRenderApi();

app.Run();

public partial class Program;
