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

    public static async Task<ApiServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var environment = settings.ToDictionary(entry => entry.Key.Replace(":", "__"), entry => entry.Value);
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment["Logging__LogLevel__Default"] = "Warning";
        var server = new ServerProcess("dotnet", [BuildOutput.Of("JobWise.ApiService", "JobWise.ApiService.dll"), "--urls", url],
            environment, workingDirectory: Path.Combine(RepositoryPaths.Root, "JobWise.ApiService"));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync($"{url}/alive");
                if (response.IsSuccessStatusCode)
                {
                    return new ApiServerProcess(server, url);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (server.HasExited || DateTime.UtcNow > deadline)
            {
                var output = server.Output;
                await server.DisposeAsync();
                throw new InvalidOperationException($"The API did not start:\n{output}");
            }
            await Task.Delay(250);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
