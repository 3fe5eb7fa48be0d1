using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace JobWise.ApiService.Auth;

/// <summary>The access-token key, checked once at start-up.</summary>
public sealed class SigningKey(SymmetricSecurityKey key)
{
    public SymmetricSecurityKey Key { get; } = key;

    public static SigningKey FromConfiguration(AuthOptions options, IHostEnvironment environment, ILogger logger)
    {
        var bytes = Encoding.UTF8.GetBytes(options.SigningKey);
        if (bytes.Length >= AuthOptions.MinimumSigningKeyBytes)
        {
            return new SigningKey(new SymmetricSecurityKey(bytes));
        }
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Auth:SigningKey is {(bytes.Length == 0 ? "missing" : $"only {bytes.Length} bytes")}; " +
                $"set it to a secret of at least {AuthOptions.MinimumSigningKeyBytes} bytes (environment variable Auth__SigningKey).");
        }
        logger.LogWarning("Auth:SigningKey is not set; using a random key for this Development run (tokens end with the process).");
        return new SigningKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(AuthOptions.MinimumSigningKeyBytes)));
    }
}
