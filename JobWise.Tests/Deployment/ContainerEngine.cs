using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Deployment;

/// <summary>The machine's container engine, the one <c>./jobwise deploy</c> picks: Docker when it answers, else Podman.</summary>
public sealed record ContainerEngine(string Command)
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(2);

    /// <summary>The engine that answers, or null when neither Docker nor Podman does.</summary>
    public static async Task<ContainerEngine?> FindAsync()
    {
        foreach (var command in new[] { "docker", "podman" })
        {
            try
            {
                var (exitCode, _) = await RunAsync(command, ["version", "--format", "{{.Server.Version}}"], TimeSpan.FromSeconds(20));
                if (exitCode == 0)
                {
                    return new ContainerEngine(command);
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed.
            }
        }
        return null;
    }

    /// <summary>The container of a compose service: jobwise-api-1-1 under Docker Compose, jobwise_api-1_1 under podman-compose.</summary>
    public string ContainerName(string project, string service) =>
        Command == "docker" ? $"{project}-{service}-1" : $"{project}_{service}_1";

    public async Task<string> RunAsync(params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(Command, arguments, CommandLimit);
        Assert.True(exitCode == 0, $"{Command} {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        return output;
    }

    /// <summary>Names of the project's containers, running or not.</summary>
    public async Task<IReadOnlyList<string>> ContainersOfAsync(string project) =>
        Lines(await RunAsync("ps", "-a", "--filter", $"label=com.docker.compose.project={project}", "--format", "{{.Names}}"));

    /// <summary>Names of the project's volumes.</summary>
    public async Task<IReadOnlyList<string>> VolumesOfAsync(string project) =>
        Lines(await RunAsync("volume", "ls", "--filter", $"label=com.docker.compose.project={project}", "--format", "{{.Name}}"));

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan limit,
        IDictionary<string, string>? environment = null)
    {
        await using var process = new ServerProcess(fileName, arguments, environment);
        var exitCode = await process.WaitForExitAsync(limit);
        return (exitCode, process.Output);
    }

    private static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
