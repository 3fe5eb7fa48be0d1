namespace JobWise.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding JobWise.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Script(string name) => Path.Combine(Root, "scripts", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "JobWise.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No JobWise.sln above {AppContext.BaseDirectory}.");
    }
}
