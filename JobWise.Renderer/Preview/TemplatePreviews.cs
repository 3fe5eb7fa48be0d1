using System.Collections.Concurrent;
using JobWise.Renderer.Pdf;
using JobWise.Renderer.Templates;

namespace JobWise.Renderer.Preview;

/// <summary>Page 1 of each template with the shipped sample resume, as PNG; rendered once per template, then served from memory.</summary>
public sealed class TemplatePreviews(TemplateStore store, PdfRenderer renderer)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _cache = new(StringComparer.Ordinal);

    public async Task<byte[]> GetAsync(LoadedTemplate template, CancellationToken cancellationToken)
    {
        var lazy = _cache.GetOrAdd(template.Metadata.Id, _ => new Lazy<Task<byte[]>>(() => RenderAsync(template)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            // A failed render is not cached; the next request tries again.
            _cache.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(template.Metadata.Id, lazy));
            throw;
        }
    }

    public bool IsCached(string templateId) =>
        _cache.TryGetValue(templateId, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully;

    private async Task<byte[]> RenderAsync(LoadedTemplate template)
    {
        var errors = new Dictionary<string, string[]>();
        var options = RenderOptionsValidator.Resolve(template.Metadata, null, errors)
            ?? throw new InvalidOperationException($"Template '{template.Metadata.Id}' has invalid default options: {string.Join("; ", errors.SelectMany(error => error.Value))}");
        var resume = ResumeView.From(store.LoadSampleResume(), null, options.DateFormat);
        // Not tied to the first caller's cancellation: the result is shared by every caller.
        return await renderer.RenderFirstPagePngAsync(template, resume, options, CancellationToken.None);
    }
}
