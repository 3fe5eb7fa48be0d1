using StackExchange.Redis;

namespace JobWise.Tests.Infrastructure;

/// <summary>A real Redis from the machine's packages, on a free port in a temporary folder. It can be stopped and started again mid-test.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new("redis");
    private ServerProcess? _server;

    public int Port { get; } = FreePort.Next();

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000";

    public async ValueTask InitializeAsync() => await StartAsync();

    public async Task StartAsync()
    {
        _server = new ServerProcess("redis-server",
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory.Path, "--save", "", "--appendonly", "no"]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=1000");
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException exception)
            {
                if (_server.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Redis did not start:\n{_server.Output}", exception);
                }
                await Task.Delay(100);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _directory.Dispose();
    }
}
