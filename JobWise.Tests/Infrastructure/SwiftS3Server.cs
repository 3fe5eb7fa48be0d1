using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace JobWise.Tests.Infrastructure;

/// <summary>
/// A real S3 API: a one-node OpenStack Swift from the machine's packages (account, container and object servers,
/// memcached, and a proxy with s3api and tempauth) on free loopback ports, all files in a temporary folder.
/// The proxy alone can be stopped and started again mid-test. Not an assembly fixture: a class that needs S3 uses
/// it as a class fixture or owns one.
/// </summary>
public sealed class SwiftS3Server : IAsyncLifetime
{
    // The Debian interpreter that has python3-swift, whatever `python3` on PATH is (e.g. a pyenv shim).
    private const string Python = "/usr/bin/python3";
    private const string Account = "jobwise";
    private const string User = "tests";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly TemporaryDirectory _directory = new("swift");
    private readonly SwiftPorts _ports = SwiftPorts.Pick();
    private readonly SwiftConfigFiles _files;
    private readonly List<ServerProcess> _backends = [];
    private ServerProcess? _proxy;

    public SwiftS3Server()
    {
        _files = new SwiftConfigFiles(_directory.Path, _ports, Account, User, SecretKey);
    }

    public string ServiceUrl => $"http://127.0.0.1:{_ports.Proxy}";

    public string AccessKey => $"{Account}:{User}";

    public string SecretKey => "jobwise-swift-secret";

    public string Region => "us-east-1";

    /// <summary>The API's settings for S3 storage on this server, in <paramref name="bucket"/>.</summary>
    public Dictionary<string, string> ApiStorageSettings(string bucket) => new()
    {
        ["Storage:Provider"] = "s3",
        ["Storage:S3:ServiceUrl"] = ServiceUrl,
        ["Storage:S3:AccessKey"] = AccessKey,
        ["Storage:S3:SecretKey"] = SecretKey,
        ["Storage:S3:Region"] = Region,
        ["Storage:S3:Bucket"] = bucket,
    };

    /// <summary>A client with the settings S3ObjectStorage uses, failing at once instead of retrying.</summary>
    public AmazonS3Client CreateClient() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = ServiceUrl,
        ForcePathStyle = true,
        AuthenticationRegion = Region,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        Timeout = TimeSpan.FromSeconds(10),
        MaxErrorRetry = 0,
    });

    public async ValueTask InitializeAsync()
    {
        try
        {
            _files.Write();
            await BuildRingsAsync();
            // All at once: each Swift process spends about a second of CPU importing before it listens.
            var memcached = Start("memcached",
                ["-l", "127.0.0.1", "-p", _ports.Memcached.ToString(), "-U", "0", "-m", "16", "-u", Environment.UserName]);
            (string Name, int Port)[] servers = [("account-server", _ports.Account), ("container-server", _ports.Container), ("object-server", _ports.Object)];
            var backends = servers.Select(server => (server.Name, server.Port, Process: Start(Python, SwiftArguments(server.Name)))).ToList();
            _proxy = new ServerProcess(Python, SwiftArguments("proxy-server"));
            await WaitUntilAsync("memcached", memcached, () => AcceptsConnectionsAsync(_ports.Memcached));
            foreach (var backend in backends)
            {
                await WaitUntilAsync(backend.Name, backend.Process, () => AcceptsConnectionsAsync(backend.Port));
            }
            await WaitUntilProxyAnswersAsync(_proxy);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the proxy again and waits until a signed S3 request succeeds.</summary>
    public async Task StartAsync()
    {
        if (_proxy is not null)
        {
            return;
        }
        _proxy = new ServerProcess(Python, SwiftArguments("proxy-server"));
        await WaitUntilProxyAnswersAsync(_proxy);
    }

    /// <summary>Stops the proxy only: S3 requests are refused until <see cref="StartAsync"/>, stored objects stay.</summary>
    public async Task StopAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
            _proxy = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var backend in Enumerable.Reverse(_backends))
        {
            await backend.DisposeAsync();
        }
        _backends.Clear();
        _directory.Dispose();
    }

    private async Task WaitUntilProxyAnswersAsync(ServerProcess proxy)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await WaitUntilAsync("Swift proxy", proxy, async () =>
            (await http.GetAsync($"{ServiceUrl}/healthcheck")).IsSuccessStatusCode);
        using var client = CreateClient();
        await WaitUntilAsync("Swift s3api", proxy, async () =>
        {
            await client.ListBucketsAsync();
            return true;
        });
    }

    private async Task BuildRingsAsync()
    {
        await using var rings = new ServerProcess(Python,
        [
            _files.Launcher, _files.SwiftConf, "rings", _directory.Path,
            _ports.Account.ToString(), _ports.Container.ToString(), _ports.Object.ToString(),
        ]);
        if (await rings.WaitForExitAsync(StartLimit) != 0)
        {
            throw new InvalidOperationException($"Building the Swift rings failed:\n{rings.Output}");
        }
    }

    private string[] SwiftArguments(string server) => [_files.Launcher, _files.SwiftConf, server, _files.ServerConf(server)];

    private ServerProcess Start(string fileName, IEnumerable<string> arguments)
    {
        var process = new ServerProcess(fileName, arguments);
        _backends.Add(process);
        return process;
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        return true;
    }

    private static async Task WaitUntilAsync(string what, ServerProcess process, Func<Task<bool>> ready)
    {
        var deadline = DateTime.UtcNow + StartLimit;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                if (await ready())
                {
                    return;
                }
            }
            catch (Exception exception)
            {
                lastError = exception;
            }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{what} did not start:\n{process.Output}", lastError);
            }
            await Task.Delay(100);
        }
    }
}
