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
        await HttpReadiness.WaitAsync(_server, $"{Url}/health", "The renderer");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
