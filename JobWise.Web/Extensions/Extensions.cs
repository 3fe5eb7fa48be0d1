using JobWise.Web.ApiClient;
using JobWise.Web.Components;
using JobWise.Web.Session;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobWise.Web.Extensions;

public static class Extensions
{
    public const string CacheConnectionName = "cache";
    public const string DataProtectionKeysRedisKey = "jobwise-web:data-protection-keys";
    public const string ApiUrlSetting = "Api:Url";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Serves wwwroot and the framework's scripts from a build output in any environment (not only Development);
        // a published app has them in its own wwwroot and this finds no manifest to read.
        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.UseStaticWebAssets();
        }
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddValidatedOptions<SessionCookieOptions>(SessionCookieOptions.Section);

        builder.AddSharedDataProtection();
        builder.AddSessionCookie();
        builder.AddApiClients();
        return builder;
    }

    /// <summary>
    /// The cookie ticket (and the anti-forgery tokens) are encrypted with Data Protection keys kept in Redis, so that any
    /// replica can read a cookie another one wrote: the front end holds no session state of its own.
    /// </summary>
    private static void AddSharedDataProtection(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(CacheConnectionName, settings => settings.DisableHealthChecks = true);
        builder.Services.AddDataProtection().SetApplicationName("JobWise.Web");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IConnectionMultiplexer>((options, redis) =>
                options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), DataProtectionKeysRedisKey));
    }

    private static void AddSessionCookie(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<RefreshingCookieEvents>();
        builder.Services.AddScoped<SessionSignIn>();
        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SessionCookieOptions>>((cookie, session) =>
            {
                cookie.Cookie.Name = "jobwise.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = session.Value.SecureCookie ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = session.Value.Lifetime;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = Routes.SignIn;
                cookie.AccessDeniedPath = Routes.SignIn;
                cookie.EventsType = typeof(RefreshingCookieEvents);
            });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "jobwise.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    private static void AddApiClients(this IHostApplicationBuilder builder)
    {
        var apiUrl = new Uri(builder.Configuration[ApiUrlSetting] ?? JobWiseApiClient.ServiceUri);
        builder.Services.AddTransient<AccessTokenHandler>();
        builder.Services.AddTransient<ForwardedForHandler>();
#pragma warning disable EXTEXP0001 // Experimental, but the one way to opt a client out of the shared resilience defaults.
        // The API sheds load with 429/503 and Retry-After on purpose: the page tells the user when to try again instead
        // of retrying here (a retried export would only add to the queue that refused it).
        builder.Services.AddHttpClient<AuthApiClient>(client => client.BaseAddress = apiUrl)
            .AddHttpMessageHandler<ForwardedForHandler>()
            .RemoveAllResilienceHandlers();
        builder.Services.AddHttpClient<JobWiseApiClient>(client =>
            {
                client.BaseAddress = apiUrl;
                client.Timeout = TimeSpan.FromSeconds(90);
            })
            .AddHttpMessageHandler<AccessTokenHandler>()
            .AddHttpMessageHandler<ForwardedForHandler>()
            .RemoveAllResilienceHandlers();
        builder.Services.AddHttpClient<ExportDownloadClient>().RemoveAllResilienceHandlers();
        builder.Services.AddHttpClient<PasswordRecoveryApiClient>(client => client.BaseAddress = apiUrl)
            .AddHttpMessageHandler<ForwardedForHandler>()
            .RemoveAllResilienceHandlers();
        builder.Services.AddHttpClient<AccountApiClient>(client => client.BaseAddress = apiUrl)
            .AddHttpMessageHandler<AccessTokenHandler>()
            .AddHttpMessageHandler<ForwardedForHandler>()
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}
