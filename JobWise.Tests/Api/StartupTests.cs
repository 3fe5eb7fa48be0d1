using JobWise.ApiService;
using JobWise.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JobWise.Tests.Api;

public sealed class StartupTests(PostgresServer postgres, RedisServer redis)
{
    [Theory]
    [InlineData("", "missing")]
    [InlineData("only-20-bytes-long!!", "only 20 bytes")]
    public async Task Outside_development_a_missing_or_short_signing_key_stops_start_up_with_a_clear_message(string key, string expected)
    {
        using var storage = new TemporaryDirectory("startup");
        await using var factory = new WebApplicationFactory<ApiServiceMarker>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:jobwise", postgres.ConnectionString());
            builder.UseSetting("ConnectionStrings:cache", redis.ConnectionString);
            builder.UseSetting("Auth:SigningKey", key);
            builder.UseSetting("Storage:Local:Root", storage.Path);
            builder.UseSetting("Storage:Local:SigningKey", "jobwise-tests-storage-key-0123456789abcdef");
        });
        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var message = exception.ToString();
        Assert.Contains("Auth:SigningKey", message);
        Assert.Contains(expected, message);
        Assert.Contains("at least 32 bytes", message);
    }

    /// <summary>The deployments once set <c>ForwardedHeaders__KnownNetworks__0</c>, which bound to nothing: no proxy was trusted.</summary>
    [Fact]
    public async Task Trusted_proxy_networks_given_as_a_list_stop_start_up_naming_the_one_value_form()
    {
        using var storage = new TemporaryDirectory("startup");
        await using var factory = new WebApplicationFactory<ApiServiceMarker>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:jobwise", postgres.ConnectionString());
            builder.UseSetting("ConnectionStrings:cache", redis.ConnectionString);
            builder.UseSetting("Auth:SigningKey", ApiHost.SigningKey);
            builder.UseSetting("Storage:Local:Root", storage.Path);
            builder.UseSetting("Storage:Local:SigningKey", "jobwise-tests-storage-key-0123456789abcdef");
            builder.UseSetting("ForwardedHeaders:KnownNetworks:0", "10.89.47.0/24");
        });
        var message = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();
        Assert.Contains("ForwardedHeaders:KnownNetworks is one comma-separated value, not a list", message);
    }
}
