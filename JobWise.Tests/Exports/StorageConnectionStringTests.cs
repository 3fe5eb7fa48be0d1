using JobWise.ApiService.Storage;

namespace JobWise.Tests.Exports;

public sealed class StorageConnectionStringTests
{
    [Fact]
    public void An_s3_connection_string_sets_the_provider_and_every_s3_setting_it_names_and_keeps_the_rest()
    {
        var options = new StorageOptions();

        StorageConnectionString.Apply(
            "Provider=s3;ServiceUrl=http://storage:8080;AccessKey=jobwise:apphost;SecretKey='a;b=c'", options);

        Assert.Equal("s3", options.Provider);
        Assert.Equal("http://storage:8080", options.S3.ServiceUrl);
        Assert.Equal("jobwise:apphost", options.S3.AccessKey);
        Assert.Equal("a;b=c", options.S3.SecretKey);
        Assert.Equal("jobwise-exports", options.S3.Bucket);
    }

    [Fact]
    public void A_local_connection_string_sets_root_and_signing_key_case_insensitively()
    {
        var options = new StorageOptions { Provider = "s3" };

        StorageConnectionString.Apply("provider=local;ROOT=/var/lib/jobwise;signingkey=0123456789abcdef0123456789abcdef", options);

        Assert.Equal("local", options.Provider);
        Assert.Equal("/var/lib/jobwise", options.Local.Root);
        Assert.Equal("0123456789abcdef0123456789abcdef", options.Local.SigningKey);
    }

    [Fact]
    public void No_connection_string_leaves_the_settings_as_they_are()
    {
        var options = new StorageOptions { Provider = "s3" };

        StorageConnectionString.Apply(null, options);

        Assert.Equal("s3", options.Provider);
    }

    [Fact]
    public void A_key_that_is_not_a_storage_setting_stops_start_up_and_names_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => StorageConnectionString.Apply("Provider=s3;Endpoint=http://x", new StorageOptions()));

        Assert.Contains("'endpoint'", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
