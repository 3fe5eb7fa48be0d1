using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace JobWise.ApiService.Auth;

public static class AuthServiceExtensions
{
    public static IHostApplicationBuilder AddJobWiseAuth(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AuthOptions>(AuthOptions.SectionName);
        builder.AddValidatedOptions<AuthRateLimitOptions>(AuthRateLimitOptions.SectionName);
        builder.AddValidatedOptions<SignInBackoffOptions>(SignInBackoffOptions.SectionName);
        builder.AddValidatedOptions<AccountMailRateLimitOptions>(AccountMailRateLimitOptions.SectionName);
        builder.Services.AddSingleton(services => SigningKey.FromConfiguration(
            services.GetRequiredService<IOptions<AuthOptions>>().Value,
            services.GetRequiredService<IHostEnvironment>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("JobWise.Auth")));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PasswordHasher>();
        builder.Services.AddSingleton<AuthRateLimiter>();
        builder.Services.AddSingleton<SignInBackoff>();
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddScoped<RefreshTokenStore>();
        builder.Services.AddSingleton<SecurityStamps>();
        builder.Services.AddScoped<SignOutEverywhere>();
        builder.Services.AddScoped<AccountTokens>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKey, IOptions<AuthOptions>>((jwt, signingKey, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.Events = new JwtBearerEvents { OnTokenValidated = SecurityStampCheck.OnTokenValidatedAsync };
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = auth.Value.Issuer,
                    ValidateAudience = true,
                    ValidAudience = auth.Value.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = signingKey.Key,
                    // Only the algorithm we sign with: no "none", no key confusion.
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        // Secure by default: an endpoint that does not say AllowAnonymous needs a signed-in user.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build());
        return builder;
    }
}
