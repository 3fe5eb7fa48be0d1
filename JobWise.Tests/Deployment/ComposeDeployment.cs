using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Deployment;

/// <summary>
/// A private copy of deploy/compose.yaml run through <c>./jobwise deploy</c>: its own project name, secrets, loopback
/// ports and subnet, so it never touches a developer's deployment. Disposing takes it down with its volumes.
/// </summary>
public sealed partial class ComposeDeployment(ContainerEngine engine) : IAsyncDisposable
{
    public const string Project = "jobwise-deploytest";
    private const string Subnet = "10.89.48.0/24";
    private static readonly TimeSpan DeployLimit = TimeSpan.FromMinutes(6);

    private readonly TemporaryDirectory _directory = new("deploy");

    public ContainerEngine Engine { get; } = engine;

    public Uri ApiUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The web front end, through the edge.</summary>
    public Uri WebUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Writes the copy and its .env; removes whatever an interrupted earlier run left under the same project.</summary>
    public async Task PrepareAsync()
    {
        File.Copy(Path.Combine(RepositoryPaths.Root, "deploy", "compose.yaml"), Path.Combine(_directory.Path, "compose.yaml"));
        File.WriteAllLines(Path.Combine(_directory.Path, ".env"),
        [
            $"POSTGRES_PASSWORD={Secret()}",
            $"REDIS_PASSWORD={Secret()}",
            $"S3_SECRET_KEY={Secret()}",
            $"JWT_SIGNING_KEY={Secret()}{Secret()}",
            $"JOBWISE_HTTP_PORT={FreePort.Next()}",
            $"JOBWISE_S3_PORT={FreePort.Next()}",
            $"JOBWISE_WEB_PORT={FreePort.Next()}",
            $"JOBWISE_SUBNET={Subnet}",
            "JOBWISE_IMAGE_TAG=local",
            "JOBWISE_MIGRATE_COMMAND=--migrate",
            // The load test is one user exporting flat out: far past the share a real user gets.
            "JOBWISE_WORK_CONCURRENT=1000",
            "JOBWISE_WORK_BURST=1000000",
            "JOBWISE_WORK_PER_MINUTE=1000000",
        ]);
        await DownAsync(removeVolumes: true);
    }

    /// <summary>Runs <c>./jobwise deploy</c> and returns how long it took until it printed the healthy API's URL.</summary>
    public async Task<TimeSpan> UpAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var output = await JobwiseAsync("deploy");
        var url = ApiUrlLine().Match(output);
        Assert.True(url.Success, $"./jobwise deploy printed no 'JobWise API: URL' line:\n{output}");
        ApiUrl = new Uri(url.Groups["url"].Value);
        var web = WebUrlLine().Match(output);
        Assert.True(web.Success, $"./jobwise deploy printed no 'JobWise web: URL' line:\n{output}");
        WebUrl = new Uri(web.Groups["url"].Value);
        return stopwatch.Elapsed;
    }

    public Task DownAsync(bool removeVolumes) => JobwiseAsync(removeVolumes ? ["deploy", "down", "--volumes"] : ["deploy", "down"]);

    /// <summary>The last lines each service's container wrote, for a failure to explain itself.</summary>
    public async Task<string> LogsAsync(params string[] services)
    {
        var logs = new System.Text.StringBuilder();
        foreach (var service in services)
        {
            var (_, output) = await ContainerEngine.RunAsync(Engine.Command, ["logs", "--tail", "80", Engine.ContainerName(Project, service)],
                TimeSpan.FromSeconds(30));
            logs.AppendLine($"--- {service} ---").AppendLine(output);
        }
        return logs.ToString();
    }

    /// <summary>Kills a service's container at once (SIGKILL), as a crashed machine would.</summary>
    public Task KillAsync(string service) => Engine.RunAsync("kill", Engine.ContainerName(Project, service));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DownAsync(removeVolumes: true);
        }
        finally
        {
            _directory.Dispose();
        }
    }

    private async Task<string> JobwiseAsync(params string[] arguments)
    {
        var (exitCode, output) = await ContainerEngine.RunAsync(Path.Combine(RepositoryPaths.Root, "jobwise"), arguments, DeployLimit,
            new Dictionary<string, string> { ["JOBWISE_DEPLOY_DIR"] = _directory.Path, ["JOBWISE_DEPLOY_PROJECT"] = Project });
        Assert.True(exitCode == 0, $"./jobwise {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        return output;
    }

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    [GeneratedRegex(@"^JobWise API: (?<url>http://127\.0\.0\.1:\d+)$", RegexOptions.Multiline)]
    private static partial Regex ApiUrlLine();

    [GeneratedRegex(@"^JobWise web: (?<url>http://127\.0\.0\.1:\d+)$", RegexOptions.Multiline)]
    private static partial Regex WebUrlLine();
}
