using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Visual;

/// <summary>
/// Where reference pictures live and whether this run refreshes them. <c>JOBWISE_UPDATE_REFERENCES=1</c>
/// (or <c>./jobwise test --update-references</c>) rewrites them from the current rendering instead of comparing.
/// </summary>
public static class ReferencePictures
{
    public const string UpdateVariable = "JOBWISE_UPDATE_REFERENCES";
    public const string RefreshCommand = "./jobwise test --update-references";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) is "1" or "true";

    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "JobWise.Tests", "Visual", "References");

    /// <summary>Where a failing comparison leaves the new picture and its diff, beside the references (ignored by git).</summary>
    public static string OutputFolder { get; } = Path.Combine(RepositoryPaths.Root, "JobWise.Tests", "Visual", "Output");

    /// <summary>The README's pictures of each template.</summary>
    public static string DocsFolder { get; } = Path.Combine(RepositoryPaths.Root, "docs", "templates");

    public static string[] Existing(string prefix) =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, prefix + "-p*.png").Order(StringComparer.Ordinal).ToArray()
            : [];

    public static string PagePath(string folder, string prefix, int page, string suffix = "") =>
        Path.Combine(folder, $"{prefix}-p{page}{suffix}.png");

    public static void Replace(string prefix, IReadOnlyList<byte[]> pages)
    {
        Directory.CreateDirectory(Folder);
        foreach (var old in Existing(prefix))
        {
            File.Delete(old);
        }
        for (var page = 0; page < pages.Count; page++)
        {
            File.WriteAllBytes(PagePath(Folder, prefix, page + 1), pages[page]);
        }
    }
}
