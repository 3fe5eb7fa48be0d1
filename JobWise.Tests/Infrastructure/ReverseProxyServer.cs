using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Transforms;

namespace JobWise.Tests.Infrastructure;

/// <summary>
/// The public entry point in front of the API replicas: a YARP reverse proxy on a free port, in the test process.
/// It balances round robin, sets <c>X-Forwarded-For/Proto/Host</c> as an ingress would, and reaches the replicas from
/// <see cref="LoopbackClient.Proxy"/>, the address they trust. Paths under <c>/{bucket}/</c> go to S3 with the public
/// host kept, so that a presigned URL signed for this host verifies there.
/// </summary>
public sealed class ReverseProxyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly InMemoryConfigProvider _config;
    private readonly string _s3Url;
    private readonly string _bucket;
    private List<string> _apiUrls;

    private ReverseProxyServer(WebApplication app, InMemoryConfigProvider config, IEnumerable<string> apiUrls, string s3Url, string bucket, string url)
    {
        _app = app;
        _config = config;
        _apiUrls = [.. apiUrls];
        _s3Url = s3Url;
        _bucket = bucket;
        Url = url;
    }

    public string Url { get; }

    public static async Task<ReverseProxyServer> StartAsync(IEnumerable<string> apiUrls, string s3Url, string bucket, int port)
    {
        var url = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var config = new InMemoryConfigProvider([], []);
        builder.Services.AddSingleton<IProxyConfigProvider>(config);
        builder.Services.AddReverseProxy()
            .ConfigureHttpClient((_, handler) => handler.ConnectCallback = LoopbackClient.Handler(LoopbackClient.Proxy).ConnectCallback);
        var app = builder.Build();
        app.MapReverseProxy();
        var proxy = new ReverseProxyServer(app, config, apiUrls, s3Url, bucket, url);
        proxy.Apply();
        await app.StartAsync();
        return proxy;
    }

    /// <summary>Takes a replica out of rotation, as a load balancer's health check would once it stops answering.</summary>
    public void Remove(string apiUrl)
    {
        _apiUrls = [.. _apiUrls.Where(existing => existing != apiUrl)];
        Apply();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Apply()
    {
        RouteConfig[] routes =
        [
            new RouteConfig { RouteId = "s3", ClusterId = "s3", Order = 0, Match = new() { Path = $"/{_bucket}/{{**key}}" } }
                .WithTransformUseOriginalHostHeader(),
            new RouteConfig { RouteId = "api", ClusterId = "api", Order = 1, Match = new() { Path = "/{**path}" } },
        ];
        ClusterConfig[] clusters =
        [
            new()
            {
                ClusterId = "s3",
                Destinations = new Dictionary<string, DestinationConfig> { ["swift"] = new() { Address = _s3Url } },
            },
            new()
            {
                ClusterId = "api",
                LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
                Destinations = _apiUrls.Select((apiUrl, i) => (apiUrl, i))
                    .ToDictionary(entry => $"api{entry.i}", entry => new DestinationConfig { Address = entry.apiUrl }),
            },
        ];
        _config.Update(routes, clusters);
    }
}
