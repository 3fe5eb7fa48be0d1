using System.Text.Json;
using Fluid;
using JobWise.Contracts;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace JobWise.Renderer.Templates;

/// <summary>
/// Loads every folder of <c>templates/</c> holding a <c>template.json</c>, <c>template.liquid</c> and <c>style.css</c>.
/// Folders starting with '_' hold shared partials and stylesheets. Adding a template is adding a folder.
/// </summary>
public sealed class TemplateStore
{
    public const string MetadataFile = "template.json";
    public const string MarkupFile = "template.liquid";
    public const string StylesheetFile = "style.css";
    public const string SharedStylesheet = "_partials/base.css";
    public const string SampleResumeFile = "sample-resume.json";

    private readonly Dictionary<string, LoadedTemplate> _templates;

    public TemplateStore(IOptions<TemplateStoreOptions> options, IHostEnvironment environment)
    {
        RootPath = ResolveRoot(options.Value.TemplatesPath, environment.ContentRootPath);
        FluidOptions = new Fluid.TemplateOptions
        {
            FileProvider = new PhysicalFileProvider(RootPath),
            MaxRecursion = 10,
        };
        var parser = new FluidParser();
        var shared = File.ReadAllText(Path.Combine(RootPath, SharedStylesheet));
        _templates = Directory.EnumerateDirectories(RootPath)
            .Where(folder => !Path.GetFileName(folder).StartsWith('_') && File.Exists(Path.Combine(folder, MetadataFile)))
            .Select(folder => Load(folder, parser, shared))
            .ToDictionary(template => template.Metadata.Id, StringComparer.Ordinal);
        if (_templates.Count == 0)
        {
            throw new InvalidOperationException($"No templates in {RootPath}.");
        }
        Catalogue = new TemplateCatalogue { Templates = [.. _templates.Values.Select(template => template.Metadata.ToInfo()).OrderBy(info => info.Id, StringComparer.Ordinal)] };
    }

    public string RootPath { get; }

    public Fluid.TemplateOptions FluidOptions { get; }

    public TemplateCatalogue Catalogue { get; }

    public IEnumerable<LoadedTemplate> All => _templates.Values;

    public LoadedTemplate? Find(string id) => _templates.GetValueOrDefault(id);

    public ResumeDocument LoadSampleResume() =>
        JsonSerializer.Deserialize<ResumeDocument>(File.ReadAllText(Path.Combine(RootPath, SampleResumeFile)), ContractJson.Options)
        ?? throw new InvalidOperationException("The sample resume is empty.");

    private static LoadedTemplate Load(string folder, FluidParser parser, string sharedStylesheet)
    {
        var metadata = JsonSerializer.Deserialize<TemplateMetadata>(File.ReadAllText(Path.Combine(folder, MetadataFile)), ContractJson.Options)
            ?? throw new InvalidOperationException($"{folder}/{MetadataFile} is empty.");
        if (metadata.Id != Path.GetFileName(folder))
        {
            throw new InvalidOperationException($"{folder}/{MetadataFile} has id '{metadata.Id}'; it must equal the folder name.");
        }
        var unknown = metadata.SupportedOptions.Except(RenderOptionNames.All).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{folder}/{MetadataFile} names unknown options: {string.Join(", ", unknown)}.");
        }
        var source = File.ReadAllText(Path.Combine(folder, MarkupFile));
        if (!parser.TryParse(source, out var markup, out var error))
        {
            throw new InvalidOperationException($"{folder}/{MarkupFile}: {error}");
        }
        var stylesheet = sharedStylesheet + "\n" + File.ReadAllText(Path.Combine(folder, StylesheetFile));
        return new LoadedTemplate(metadata, markup, stylesheet);
    }

    private static string ResolveRoot(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new InvalidOperationException($"Renderer:TemplatesPath '{configured}' does not exist.");
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "templates");
        if (File.Exists(Path.Combine(beside, SampleResumeFile)))
        {
            return beside;
        }
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "templates");
            if (File.Exists(Path.Combine(candidate, SampleResumeFile)))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"No templates/ folder next to the renderer or above {contentRoot}; set Renderer:TemplatesPath.");
    }
}
