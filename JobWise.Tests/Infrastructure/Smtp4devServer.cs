using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace JobWise.Tests.Infrastructure;

/// <summary>A mail the catcher received, as its HTTP API tells it.</summary>
public sealed record ReceivedMail(string Id, string From, IReadOnlyList<string> To, string Subject, string Text);

/// <summary>
/// smtp4dev, the mail catcher the AppHost runs in development (the .NET tool of the repository's tool manifest,
/// restored here if missing), on free SMTP and web ports with an in-memory store. Tests read what it received through
/// its HTTP API. It can be stopped and started again on the same ports mid-test (then it starts empty).
/// </summary>
public sealed class Smtp4devServer : IAsyncLifetime
{
    private static readonly Lazy<Task> ToolRestored = new(RestoreToolAsync);
    private readonly TemporaryDirectory _directory = new("smtp4dev");
    private readonly HttpClient _http;
    private ServerProcess? _server;

    public Smtp4devServer()
    {
        WebUrl = $"http://127.0.0.1:{WebPort}";
        _http = new HttpClient { BaseAddress = new Uri(WebUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int SmtpPort { get; } = FreePort.Next();

    public int WebPort { get; } = FreePort.Next();

    /// <summary>The web inbox and its API (<c>/api/messages</c>).</summary>
    public string WebUrl { get; }

    /// <summary>The API's settings that send its mail here; links in mail lead to <paramref name="publicBaseUrl"/>.</summary>
    public IReadOnlyDictionary<string, string> ApiSettings(string publicBaseUrl = "http://web.jobwise.test") => new Dictionary<string, string>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = SmtpPort.ToString(),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "accounts@jobwise.test",
        ["Mail:PublicBaseUrl"] = publicBaseUrl,
        ["Mail:Timeout"] = "00:00:05",
        // Tests wait for mail: look often, retry soon.
        ["Mail:PollInterval"] = "00:00:00.100",
        ["Mail:RetryBackoff"] = "00:00:00.200",
        ["Mail:MaxRetryBackoff"] = "00:00:01",
    };

    public ValueTask InitializeAsync() => new(StartAsync());

    public async Task StartAsync()
    {
        await ToolRestored.Value;
        _server = new ServerProcess("dotnet",
        [
            "tool", "run", "smtp4dev", "--",
            $"--urls={WebUrl}", $"--smtpport={SmtpPort}", "--bindaddress=127.0.0.1", "--imapport=", "--pop3port=",
            "--db=", "--nousersettings", $"--baseappdatapath={_directory.Path}", "--messagestokeep=1000",
        ], workingDirectory: RepositoryPaths.Root);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await AnswersAsync())
        {
            if (_server.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"smtp4dev did not start:\n{_server.Output}");
            }
            await Task.Delay(200);
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

    /// <summary>Every mail received so far to <paramref name="address"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesToAsync(string address)
    {
        var page = await _http.GetFromJsonAsync<MessagePage>("/api/messages?pageSize=1000", TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("smtp4dev answered no message list.");
        var mails = new List<ReceivedMail>();
        foreach (var summary in page.Results.Where(m => m.To.Any(to => string.Equals(to, address, StringComparison.OrdinalIgnoreCase)))
                     .OrderBy(m => m.ReceivedDate))
        {
            var text = await _http.GetStringAsync($"/api/messages/{summary.Id}/plaintext", TestContext.Current.CancellationToken);
            mails.Add(new ReceivedMail(summary.Id, summary.From, summary.To, summary.Subject, text));
        }
        return mails;
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> mails to the address whose subject contains
    /// <paramref name="subject"/> have arrived, and gives them, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesToAsync(string address, string subject, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var mails = (await MessagesToAsync(address)).Where(mail => mail.Subject.Contains(subject, StringComparison.Ordinal)).ToList();
            if (mails.Count >= count)
            {
                return mails;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{mails.Count} of {count} mails '{subject}' to {address} arrived in time.");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _directory.Dispose();
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var smtp = new TcpClient();
            await smtp.ConnectAsync("127.0.0.1", SmtpPort);
            using var response = await _http.GetAsync("/api/messages");
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The tool manifest's tools (<c>dotnet tool restore</c>): a clean clone has none yet.</summary>
    private static async Task RestoreToolAsync()
    {
        await using var restore = new ServerProcess("dotnet", ["tool", "restore"], workingDirectory: RepositoryPaths.Root);
        var exitCode = await restore.WaitForExitAsync(TimeSpan.FromMinutes(5));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet tool restore failed ({exitCode}):\n{restore.Output}");
        }
    }

    private sealed record MessagePage([property: JsonPropertyName("results")] IReadOnlyList<MessageSummary> Results);

    private sealed record MessageSummary(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] IReadOnlyList<string> To,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("receivedDate")] DateTimeOffset ReceivedDate);
}
