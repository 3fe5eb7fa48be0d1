namespace JobWise.Tests.Infrastructure;

/// <summary>The real renderer service (and its Chromium) as its own process on a free port, shared by the API tests.</summary>
public sealed class RendererServer : IAsyncLifetime
{
    private ServerProcess? _server;

    /// <summary>Settings of its own, as environment variables (e.g. a log level).</summary>
    public IReadOnlyDictionary<string, string> ExtraEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>What the process printed so far.</summary>
    public string Output => _server?.Output ?? "";

    public int Port { get; } = FreePort.Next();

    public string Url => $"http://127.0.0.1:{Port}";

    public int ProcessId => _server?.ProcessId ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _server = new ServerProcess("dotnet",
            [BuildOutput.Of("JobWise.Renderer", "JobWise.Renderer.dll"), "--urls", Url],
            new Dictionary<string, string>(ExtraEnvironment) { ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["DOTNET_ENVIRONMENT"] = "Testing" },
            workingDirectory: Path.Combine(RepositoryPaths.Root, "JobWise.Renderer"));
        await HttpReadiness.WaitAsync(_server, $"{Url}/health", "The renderer");
    }

    /// <summary>Stops it at once, as a crash would, with its Chromium.</summary>
    public Task KillAsync() => _server?.KillAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
