using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Health;

public sealed class HungRendererHealthTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task Readiness_reports_a_renderer_that_never_answers_as_degraded_after_the_check_timeout()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // Accepts connections and never answers, as a renderer stuck in a long garbage collection or a dead proxy would.
        var hungRenderer = new TcpListener(IPAddress.Loopback, 0);
        hungRenderer.Start();
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                accepted.Add(await hungRenderer.AcceptSocketAsync(cancellationToken));
            }
        }, cancellationToken);
        using var storage = new TemporaryDirectory("hung-renderer-storage");
        var settings = ApiServerProcess.Settings(await postgres.CreateDatabaseAsync("hungrenderer"), redis.ConnectionString, storage.Path);
        settings["Database:MigrateOnStartup"] = "true";
        settings["Renderer:Url"] = $"http://127.0.0.1:{((IPEndPoint)hungRenderer.LocalEndpoint).Port}";
        settings["Health:CheckTimeout"] = "00:00:02";
        try
        {
            await using var api = await ApiServerProcess.StartAsync(settings);
            using var probe = LoopbackClient.From(IPAddress.Loopback, api.Url);

            var started = Stopwatch.GetTimestamp();
            using var response = await probe.GetAsync("/health/ready", cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var report = await response.ReadJsonAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Degraded", report["checks"]!["renderer"]!["status"]!.GetValue<string>());
            Assert.Equal("Healthy", report["checks"]!["database"]!["status"]!.GetValue<string>());
            // The renderer client itself would wait up to Renderer:Timeout (60 s).
            Assert.True(elapsed < TimeSpan.FromSeconds(5), $"/health/ready took {elapsed.TotalMilliseconds:F0} ms");
            Assert.True(elapsed >= TimeSpan.FromSeconds(1.9), $"/health/ready took {elapsed.TotalMilliseconds:F0} ms: the renderer check did not wait for its timeout");
        }
        finally
        {
            hungRenderer.Stop();
            // The accept loop ends with the listener stopped; only then is the list of its sockets complete.
            await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
            foreach (var socket in accepted)
            {
                socket.Dispose();
            }
        }
    }
}
