namespace JobWise.Tests.Infrastructure;

/// <summary>The real renderer service (and its Chromium) as its own process on a free port, shared by the API tests.</summary>
public sealed class RendererServer : IAsyncLifetime
{
    private ServerProcess? _server;

    public int Port { get; } = FreePort.Next();

    public string Url => $"http://127.0.0.1:{Port}";

    public int ProcessId => _server?.ProcessId ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _server = new ServerProcess("dotnet",
            [BuildOutput.Of("JobWise.Renderer", "JobWise.Renderer.dll"), "--urls", Url],
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["DOTNET_ENVIRONMENT"] = "Testing" },
            workingDirectory: Path.Combine(RepositoryPaths.Root, "JobWise.Renderer"));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync($"{Url}/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (_server.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The renderer did not become healthy:\n{_server.Output}");
            }
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
