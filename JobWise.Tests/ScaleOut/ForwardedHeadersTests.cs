using System.Net;
using System.Net.Http.Json;
using JobWise.Tests.Exports;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.ScaleOut;

public sealed class ForwardedHeadersTests(ProxiedApiProcess api) : IClassFixture<ProxiedApiProcess>
{
    [Fact]
    public async Task Local_download_links_name_the_public_scheme_and_host_a_trusted_proxy_forwards()
    {
        var link = await ExportLinkAsync(LoopbackClient.Proxy);
        Assert.StartsWith("https://jobwise.example/api/v1/exports/download/", link);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_not_trusted_change_nothing()
    {
        var link = await ExportLinkAsync(LoopbackClient.NewClientAddress());
        Assert.StartsWith($"{api.Url}/api/v1/exports/download/", link);
    }

    [Fact]
    public async Task A_client_cannot_escape_its_login_limit_by_claiming_another_address()
    {
        using var client = LoopbackClient.From(LoopbackClient.NewClientAddress(), api.Url);
        for (var attempt = 0; attempt < ProxiedApiProcess.LoginPermitLimit; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(client, spoofedAddress: null));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(client, spoofedAddress: null));
        // Not sent through a trusted proxy, the header is only the client's say-so: the real address stays limited.
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(client, spoofedAddress: "203.0.113.9"));
    }

    [Fact]
    public async Task Renders_go_to_the_renderer_that_answers_when_another_one_is_unreachable()
    {
        var scenario = await ExportScenario.CreateAsync(LoopbackClient.From(LoopbackClient.NewClientAddress(), api.Url));
        // Round robin over two replicas: half of these try the unreachable one first.
        for (var margins = 10; margins < 16; margins++)
        {
            using var response = await scenario.ExportAsync("pdf", "modern", new { margins });
            Assert.True(response.StatusCode == HttpStatusCode.Created, (await response.ReadJsonAsync()).ToJsonString());
        }
    }

    private async Task<string> ExportLinkAsync(IPAddress from)
    {
        var client = LoopbackClient.From(from, api.Url);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "jobwise.example");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        var scenario = await ExportScenario.CreateAsync(client);
        using var response = await scenario.ExportAsync("docx", "classic");
        var export = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, export.ToJsonString());
        return export["download_url"]!.GetValue<string>();
    }

    private static async Task<HttpStatusCode> LoginAsync(HttpClient client, string? spoofedAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "wrong password" }),
        };
        if (spoofedAddress is not null)
        {
            request.Headers.Add("X-Forwarded-For", spoofedAddress);
        }
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
