namespace JobWise.Tests.Infrastructure;

/// <summary>Where a sibling project's build output is, in the same configuration as these tests.</summary>
public static class BuildOutput
{
    public static string Of(string project, string fileName)
    {
        var outputFolder = Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "JobWise.Tests"), AppContext.BaseDirectory);
        return Path.Combine(RepositoryPaths.Root, project, outputFolder, fileName);
    }
}
