using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.AppHost;

public sealed class LocalModeTests
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(4);

    /// <summary>
    /// The ports services ask for (their launch profiles), which `./jobwise up` keeps and the testing builder
    /// randomises: two resources on one port leave one of them unreachable, and whoever calls it reaches the other.
    /// </summary>
    [Fact]
    public async Task No_two_resources_ask_for_the_same_port()
    {
        using var state = new TemporaryDirectory("apphost");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.JobWise_AppHost>(
            ["Infrastructure:Mode=local", $"Infrastructure:StateDirectory={state.Path}"], TestContext.Current.CancellationToken);
        var endpoints = builder.Resources
            .SelectMany(resource => resource.Annotations.OfType<Aspire.Hosting.ApplicationModel.EndpointAnnotation>()
                .Where(endpoint => endpoint.Port is not null)
                .Select(endpoint => (Port: endpoint.Port!.Value, Name: $"{resource.Name}/{endpoint.Name}")))
            .ToList();
        Assert.Contains(endpoints, endpoint => endpoint.Name == "api/http" && endpoint.Port == 5080);
        var shared = endpoints.GroupBy(endpoint => endpoint.Port).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(endpoint => endpoint.Name))}");
        Assert.Empty(shared);
    }

    [Fact]
    public async Task Local_mode_starts_every_resource_and_the_api_reports_each_dependency()
    {
        using var state = new TemporaryDirectory("apphost");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(StartupTimeout);

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.JobWise_AppHost>(
            ["Infrastructure:Mode=local", $"Infrastructure:StateDirectory={state.Path}"], timeout.Token);
        Assert.DoesNotContain(builder.Resources, resource => resource is Aspire.Hosting.ApplicationModel.ContainerResource);
        var names = builder.Resources.Select(resource => resource.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "postgres", "jobwise", "cache", "storage", "renderer", "api", "web", "mail" }, names);

        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("postgres", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("renderer", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("mail", timeout.Token);

        using var client = app.CreateHttpClient("api");
        using var response = await client.GetAsync("/health", timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var report = JsonDocument.Parse(body);
        var checks = report.RootElement.GetProperty("checks");
        foreach (var name in new[] { "database", "cache", "storage", "renderer" })
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
        }

        // The API's mail goes to the development mail catcher: a new account's verification mail is in its inbox.
        var email = $"apphost-{Guid.NewGuid():N}@example.com";
        using var register = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = "correct horse battery", full_name = "Jordan Rivera" }, timeout.Token);
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        using var inbox = app.CreateHttpClient("mail", "http");
        while (!(await inbox.GetStringAsync("/api/messages?pageSize=100", timeout.Token)).Contains(email, StringComparison.OrdinalIgnoreCase))
        {
            await Task.Delay(200, timeout.Token);
        }
    }
}
