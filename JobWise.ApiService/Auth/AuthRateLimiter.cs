using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using JobWise.ApiService.Diagnostics;
using JobWise.ApiService.Http;
using JobWise.ApiService.RateLimiting;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Auth;

/// <summary>
/// Limits sign-in attempts per (client address, account) and per client address, and registrations per client
/// address, shared by the replicas through Redis. Never per account alone: then anyone could lock an owner out
/// by failing at their email; the account is only slowed (<see cref="SignInBackoff"/>). Requests that send mail are
/// limited per account and per client address (<see cref="AccountMailRateLimitOptions"/>): a reset mail helps only the
/// owner, so limiting it per account locks no one out of anything but a flood.
/// </summary>
public sealed class AuthRateLimiter : IDisposable
{
    private const string AddressKind = "signin:address:";
    private const string AccountAddressKind = "signin:account-address:";
    private const string MailAddressKind = "mail:address:";
    private const string MailAccountKind = "mail:account:";

    public const string SignInPolicy = "sign-in";
    public const string RegistrationPolicy = "registration";
    public const string AccountMailPolicy = "account-mail";

    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly ApiMetrics _metrics;

    public AuthRateLimiter(
        SharedRateLimiters limiters, IOptions<AuthRateLimitOptions> options, IOptions<AccountMailRateLimitOptions> mailOptions, ApiMetrics metrics)
    {
        _metrics = metrics;
        var settings = options.Value;
        var mail = mailOptions.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.Get(key, partition =>
        {
            var (permitLimit, window) = partition switch
            {
                _ when partition.StartsWith(AddressKind, StringComparison.Ordinal) => (settings.AddressPermitLimit, settings.Window),
                _ when partition.StartsWith(MailAddressKind, StringComparison.Ordinal) => (mail.AddressPermitLimit, mail.Window),
                _ when partition.StartsWith(MailAccountKind, StringComparison.Ordinal) => (mail.AccountPermitLimit, mail.Window),
                _ => (settings.PermitLimit, settings.Window),
            };
            return limiters.FixedWindow(partition, permitLimit, window);
        }));
    }

    /// <summary>Null when the sign-in may be checked, else how long the caller should wait.</summary>
    public ValueTask<TimeSpan?> TryAcquireSignInAsync(string? clientAddress, string normalizedEmail, CancellationToken cancellationToken) =>
        TryAcquireAsync([AddressKind + Address(clientAddress), $"{AccountAddressKind}{Address(clientAddress)}:{AccountKey(normalizedEmail)}"],
            SignInPolicy, cancellationToken);

    public ValueTask<TimeSpan?> TryAcquireRegistrationAsync(string? clientAddress, CancellationToken cancellationToken) =>
        TryAcquireAsync([AddressKind + Address(clientAddress)], RegistrationPolicy, cancellationToken);

    /// <summary>Null when a mail to the account may be queued, else how long the caller should wait.</summary>
    public ValueTask<TimeSpan?> TryAcquireAccountMailAsync(string? clientAddress, string normalizedEmail, CancellationToken cancellationToken) =>
        TryAcquireAsync([MailAddressKind + Address(clientAddress), MailAccountKind + AccountKey(normalizedEmail)], AccountMailPolicy,
            cancellationToken);

    /// <summary>The account's part of a key: a digest, so that Redis holds no email addresses.</summary>
    public static string AccountKey(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)))[..32];

    private async ValueTask<TimeSpan?> TryAcquireAsync(string[] keys, string policy, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            // A fixed-window permit is spent when taken: nothing to release.
            using var lease = await _limiter.AcquireAsync(key, cancellationToken: cancellationToken);
            if (!lease.IsAcquired)
            {
                _metrics.RateLimited(policy);
                return RetryAfter.Of(lease, TimeSpan.FromMinutes(1));
            }
        }
        return null;
    }

    private static string Address(string? clientAddress) => clientAddress ?? "unknown";

    public void Dispose() => _limiter.Dispose();
}
