namespace JobWise.Tests.Infrastructure;

/// <summary>Waits until a server process answers a path with success, or fails with what it printed.</summary>
public static class HttpReadiness
{
    public static async Task WaitAsync(ServerProcess server, string url, string what)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (server.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{what} did not become ready:\n{server.Output}");
            }
            await Task.Delay(250);
        }
    }
}
