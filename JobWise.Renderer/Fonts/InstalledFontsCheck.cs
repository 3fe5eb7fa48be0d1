using System.Diagnostics;
using JobWise.Renderer.Templates;

namespace JobWise.Renderer.Fonts;

/// <summary>
/// Stops the renderer at start when a font a template allows is not installed: Chromium would silently substitute
/// another one and every PDF in that font would come out wrong.
/// </summary>
public static class InstalledFontsCheck
{
    public static void EnsureTemplateFontsInstalled(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<TemplateStore>();
        var allowed = store.All.SelectMany(template => template.Metadata.AllowedFonts).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var installed = InstalledFamilies();
        var missing = allowed.Where(family => !installed.Contains(family)).Order().ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Fonts the templates allow are not installed: {string.Join(", ", missing)}. " +
                "Install them (Debian: fonts-liberation2 fonts-dejavu-core fonts-noto-core) and start again.");
        }
    }

    /// <summary>Every family fontconfig knows, including each alternative name of a family.</summary>
    private static HashSet<string> InstalledFamilies()
    {
        var start = new ProcessStartInfo("fc-list", [":", "family"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        string output;
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("fc-list did not start.");
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("fc-list (fontconfig) is needed to check the template fonts: install fontconfig.", exception);
        }
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(line => line.Split(','))
            .Select(family => family.Trim())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
