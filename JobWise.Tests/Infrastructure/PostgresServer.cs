using Npgsql;

namespace JobWise.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL from the machine's packages, on a free port in a temporary folder, started with the same
/// script as the AppHost's local mode. One per test assembly; each test class makes its own database. A test that
/// means to stop it owns one of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Password = "jobwise-tests";
    private readonly TemporaryDirectory _directory = new("postgres");
    private ServerProcess? _server;

    public int Port { get; } = FreePort.Next();

    public string ConnectionString(string database = "jobwise") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database={database};Pooling=true";

    public ValueTask InitializeAsync() => new(StartAsync());

    /// <summary>Starts the server (again) on the same folder and port, and waits until it takes connections.</summary>
    public async Task StartAsync()
    {
        _server = new ServerProcess(
            RepositoryPaths.Script("run-postgres"),
            // Durability is not what these tests are about; speed is.
            [Path.Combine(_directory.Path, "data"), "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"],
            new Dictionary<string, string> { ["PGPORT"] = Port.ToString(), ["POSTGRES_PASSWORD"] = Password },
            stopWithSigInt: true);
        await WaitUntilReadyAsync();
    }

    /// <summary>A new empty database for one test class, so classes never see each other's rows.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Stops the server (a fast shutdown: open connections are closed); data stay for <see cref="StartAsync"/>.</summary>
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
        NpgsqlConnection.ClearAllPools();
        _directory.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                // Unpooled: after a restart a pooled connection of the old server would answer "ready" at once.
                await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException)
            {
                if (_server!.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"PostgreSQL did not start:\n{_server.Output}", exception);
                }
                await Task.Delay(200);
            }
        }
    }
}
