namespace JobWise.Tests.Infrastructure;

/// <summary>The API service as its own process on a free port (real Kestrel), for the benchmark and end-to-end runs.</summary>
public sealed class ApiServerProcess : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private ApiServerProcess(ServerProcess server, string url)
    {
        _server = server;
        Url = url;
    }

    public string Url { get; }

    public int ProcessId => _server.ProcessId;

    /// <summary>What the process has written so far (warnings and errors: its log level is Warning).</summary>
    public string Output => _server.Output;

    /// <summary>
    /// What every API of the tests, in-process or not, starts from: its database, Redis, the test keys, no limits, no
    /// renderer, local-disk storage under <paramref name="storageRoot"/>; then <paramref name="overrides"/> (e.g. S3 storage settings).
    /// </summary>
    public static Dictionary<string, string> Settings(
        string connectionString, string redisConnectionString, string storageRoot, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>(UnthrottledLimits.Settings())
        {
            ["ConnectionStrings:jobwise"] = connectionString,
            ["ConnectionStrings:cache"] = redisConnectionString,
            ["Auth:SigningKey"] = ApiHost.SigningKey,
            // The cheapest bcrypt cost: the tests hash many passwords and are not about hashing speed.
            ["Auth:PasswordWorkFactor"] = "4",
            ["Storage:Provider"] = "local",
            ["Storage:Local:Root"] = storageRoot,
            ["Storage:Local:SigningKey"] = "jobwise-tests-storage-key-0123456789abcdef",
            ["Renderer:Url"] = "http://127.0.0.1:9",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        return settings;
    }

    public static async Task<ApiServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string readinessPath = "/alive")
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var server = Start(settings, "--urls", url);
        try
        {
            await HttpReadiness.WaitAsync(server, $"{url}{readinessPath}", "The API");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return new ApiServerProcess(server, url);
    }

    /// <summary>The API's one-off migration step (<c>--migrate</c>): its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> MigrateAsync(IReadOnlyDictionary<string, string> settings)
    {
        await using var step = Start(settings, "--migrate");
        var exitCode = await step.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exitCode, step.Output);
    }

    /// <summary>Stops it at once, as a crash or a lost machine would.</summary>
    public Task KillAsync() => _server.KillAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static ServerProcess Start(IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var environment = settings.ToDictionary(entry => entry.Key.Replace(":", "__"), entry => entry.Value);
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment.TryAdd("Logging__LogLevel__Default", "Warning");
        return new ServerProcess("dotnet", [BuildOutput.Of("JobWise.ApiService", "JobWise.ApiService.dll"), .. arguments],
            environment, workingDirectory: Path.Combine(RepositoryPaths.Root, "JobWise.ApiService"));
    }
}
