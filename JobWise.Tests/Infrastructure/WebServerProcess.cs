namespace JobWise.Tests.Infrastructure;

/// <summary>The web front end (JobWise.Web) as its own process on a free port (real Kestrel), pointed at an API URL.</summary>
public sealed class WebServerProcess : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private WebServerProcess(ServerProcess server, string url)
    {
        _server = server;
        Url = url;
    }

    public string Url { get; }

    public string Output => _server.Output;

    /// <param name="settings">More configuration (<c>Session:RefreshBeforeExpiry</c>), over the test defaults.</param>
    public static async Task<WebServerProcess> StartAsync(string apiUrl, string cacheConnectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        // localhost: the browser treats it as a secure context, as it would a deployment over HTTPS.
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Api__Url"] = apiUrl,
            ["ConnectionStrings__cache"] = cacheConnectionString,
            // Plain HTTP in the tests; everywhere but Development the cookie is Secure.
            ["Session__SecureCookie"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key.Replace(":", "__")] = value;
        }
        var server = new ServerProcess("dotnet",
            [BuildOutput.Of("JobWise.Web", "JobWise.Web.dll"), "--urls", $"http://localhost:{port}"],
            environment, workingDirectory: Path.Combine(RepositoryPaths.Root, "JobWise.Web"));
        var url = $"http://localhost:{port}";
        try
        {
            await HttpReadiness.WaitAsync(server, $"{url}/alive", "The web front end");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return new WebServerProcess(server, url);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
