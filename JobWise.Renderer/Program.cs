using JobWise.Renderer.Browser;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddChromium();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();

public partial class Program;
