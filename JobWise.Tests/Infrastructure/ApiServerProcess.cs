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

    public static async Task<ApiServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var environment = settings.ToDictionary(entry => entry.Key.Replace(":", "__"), entry => entry.Value);
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment["Logging__LogLevel__Default"] = "Warning";
        var server = new ServerProcess("dotnet", [BuildOutput.Of("JobWise.ApiService", "JobWise.ApiService.dll"), "--urls", url],
            environment, workingDirectory: Path.Combine(RepositoryPaths.Root, "JobWise.ApiService"));
        try
        {
            await HttpReadiness.WaitAsync(server, $"{url}/alive", "The API");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return new ApiServerProcess(server, url);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
