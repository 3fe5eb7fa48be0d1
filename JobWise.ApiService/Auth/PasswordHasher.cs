using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Auth;

/// <summary>bcrypt, with the password pre-hashed (SHA-384) so that bytes past bcrypt's 72 still count.</summary>
public sealed class PasswordHasher(IOptions<AuthOptions> options)
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 256;

    // Compared against when the account does not exist, so that timing does not tell which emails are registered.
    private readonly Lazy<string> _decoyHash = new(() => BCrypt.Net.BCrypt.EnhancedHashPassword("decoy-password", options.Value.PasswordWorkFactor));

    public string Hash(string password) =>
        BCrypt.Net.BCrypt.EnhancedHashPassword(password, options.Value.PasswordWorkFactor);

    public bool Verify(string password, string? hash) =>
        BCrypt.Net.BCrypt.EnhancedVerify(password, hash ?? _decoyHash.Value) && hash is not null;
}
