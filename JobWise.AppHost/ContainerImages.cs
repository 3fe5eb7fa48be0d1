using System.Diagnostics;

namespace JobWise.AppHost;

/// <summary>
/// Whether containers mode can start here: a container engine answers, the project's own images are built
/// (<c>./jobwise images</c>), and PostgreSQL's and Redis's images are present or a registry answers to pull them.
/// A machine with Podman but no registry (and no built images) gets local mode instead of a graph that never starts.
/// </summary>
public static class ContainerImages
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(10);
    private static readonly string[] ProjectImages =
        [$"{ContainerInfrastructure.StorageImage}:{ContainerInfrastructure.ImageTag}", $"{ContainerInfrastructure.RendererImage}:{ContainerInfrastructure.ImageTag}"];
    private static readonly string[] PulledImages = ["docker.io/library/postgres", "docker.io/library/redis"];

    /// <summary>Null when containers mode can start, else why not.</summary>
    public static string? WhyContainersCannotStart()
    {
        var runtime = new[] { "docker", "podman" }.FirstOrDefault(runtime => Run(runtime, "version", "--format", "{{.Server.Version}}").ExitCode == 0);
        if (runtime is null)
        {
            return "no container engine answers";
        }
        var missing = ProjectImages.Where(image => Run(runtime, "image", "inspect", image).ExitCode != 0).ToList();
        if (missing.Count > 0)
        {
            return $"{runtime} answers but {string.Join(", ", missing)} is not built (./jobwise images)";
        }
        var notPresent = PulledImages.Where(image => string.IsNullOrWhiteSpace(
            Run(runtime, "image", "ls", "--quiet", "--filter", $"reference={image}").Output)).ToList();
        if (notPresent.Count > 0 && !RegistryAnswers())
        {
            return $"{runtime} answers but {string.Join(", ", notPresent)} is not present and no registry answers";
        }
        return null;
    }

    private static bool RegistryAnswers()
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            // Docker Hub answers 401 to an anonymous /v2/ request: any answer means pulls can work.
            using var response = http.GetAsync("https://registry-1.docker.io/v2/").GetAwaiter().GetResult();
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return (-1, "");
            }
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(CommandLimit))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "");
            }
            return (process.ExitCode, output.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not installed.
            return (-1, "");
        }
    }
}
